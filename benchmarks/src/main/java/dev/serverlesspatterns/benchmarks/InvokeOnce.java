package dev.serverlesspatterns.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.serverlesspatterns.lambda.InvocationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.UUID;
import org.crac.CheckpointException;
import org.crac.Core;
import org.crac.RestoreException;

/**
 * The benchmarked JVM of a function: does what the Lambda Java runtime does on a cold start, once, and
 * reports. It instantiates the template's handler class (no-arg constructor, as a
 * {@link RequestStreamHandler}), passes the event file to {@code handleRequest}, prints a {@link ProbeResult}
 * line and exits, which also runs the handler's shutdown hooks (Spring closes its context).
 *
 * <p>Arguments: {@code [--primed] [--warm N] <handler class> [<event file> [function name]]}. A template
 * {@code Handler} such as {@code Class::handleRequest} is accepted. With the handler class alone it stops after the
 * construction (init only, outcome {@code initialized}), as SnapStart's init while a version is published.
 * {@code --primed} runs, between construction and the first invoke, what happens around a SnapStart snapshot:
 * {@code org.crac.Core.checkpointRestore()}, which calls every registered resource's {@code beforeCheckpoint}, then
 * its {@code afterRestore} (org.crac must be on the class path and {@code org.crac.Core.Compat} name
 * {@code dev.serverlesspatterns.benchmarks.crac}: without a CRaC JDK, org.crac would drop every registration). {@code --warm N} invokes the same event N more times after the
 * first answer and reports their median.
 */
public final class InvokeOnce {

    /** The template's function timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private InvokeOnce() {}

    public static void main(String[] args) throws IOException {
        boolean primed = false;
        int warmInvokes = 0;
        int next = 0;
        while (next < args.length && args[next].startsWith("--")) {
            switch (args[next]) {
                case "--primed" -> primed = true;
                case "--warm" -> warmInvokes = Integer.parseInt(args[++next]);
                default -> throw new IllegalArgumentException("Unknown option " + args[next]);
            }
            next++;
        }
        if (args.length <= next) {
            throw new IllegalArgumentException(
                    "Usage: InvokeOnce [--primed] [--warm N] <handler class> [<event file> [function name]]");
        }
        long constructing = System.currentTimeMillis();
        RequestStreamHandler handler = instantiate(args[next].split("::")[0]);
        long initialized = System.currentTimeMillis();
        if (args.length == next + 1) {
            report(new ProbeResult(
                    PeakRss.ofThisProcessKb(), sinceJvmStart(), initialized - constructing, 0, "initialized"));
            return;
        }
        byte[] event = Files.readAllBytes(Path.of(args[next + 1]));
        String functionName = args.length > next + 2 ? args[next + 2] : "benchmark";

        OptionalLong primeMs = OptionalLong.empty();
        long invoking = initialized;
        if (primed) {
            Priming.checkpointAndRestore();
            invoking = System.currentTimeMillis();
            primeMs = OptionalLong.of(invoking - initialized);
        }
        String outcome = invoke(handler, event, functionName);
        long responded = System.currentTimeMillis();
        // Read right after the answer, before any warm invoke, so both describe the cold start alone; loading the
        // management classes is not part of the measured time.
        long firstResponseMs = responded - jvmStartTime();
        long rssKb = PeakRss.ofThisProcessKb();

        OptionalLong warmMedianUs = OptionalLong.empty();
        if (warmInvokes > 0) {
            long[] warmUs = new long[warmInvokes];
            for (int i = 0; i < warmInvokes; i++) {
                long started = System.nanoTime();
                invoke(handler, event, functionName);
                warmUs[i] = (System.nanoTime() - started) / 1000;
            }
            warmMedianUs = OptionalLong.of(median(warmUs));
        }
        report(new ProbeResult(
                rssKb,
                firstResponseMs,
                initialized - constructing,
                responded - invoking,
                outcome,
                primeMs,
                warmMedianUs));
    }

    private static String invoke(RequestStreamHandler handler, byte[] event, String functionName) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(event),
                    response,
                    new InvocationContext(functionName, UUID.randomUUID().toString(), TIMEOUT));
            return ProbeResult.outcomeOf(response.toString(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException functionError) {
            // Lambda answers a function error too: the cold start still happened and is measured. The trace
            // goes to this run's log; the outcome column shows the error type.
            functionError.printStackTrace(standardError());
            return "error:" + functionError.getClass().getSimpleName();
        }
    }

    /** Prints the result line and exits, which also runs the handler's shutdown hooks (Spring closes its context). */
    private static void report(ProbeResult result) {
        result.printToStdout();
        System.exit(0);
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - jvmStartTime();
    }

    private static long jvmStartTime() {
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static RequestStreamHandler instantiate(String handlerClass) {
        try {
            return (RequestStreamHandler)
                    Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException startFailed) {
            throw new IllegalStateException("The handler " + handlerClass + " failed to start", startFailed.getCause());
        } catch (ReflectiveOperationException | ClassCastException notAHandler) {
            throw new IllegalStateException(
                    "Cannot instantiate " + handlerClass + " as a RequestStreamHandler", notAHandler);
        }
    }

    /**
     * In a class of its own, so org.crac is loaded only in primed mode: an unprimed function's class path need not
     * have it.
     */
    private static final class Priming {

        /**
         * A checkpoint and a restore, without the snapshot: org.crac hands the call to the CRaC implementation
         * ({@code org.crac.Core.Compat}, which the benchmark sets to {@code dev.serverlesspatterns.benchmarks.crac}),
         * which calls every registered resource's {@code beforeCheckpoint} and then its {@code afterRestore}.
         */
        static void checkpointAndRestore() {
            try {
                Core.checkpointRestore();
            } catch (CheckpointException | RestoreException | UnsupportedOperationException refused) {
                throw new IllegalStateException("Priming failed: the checkpoint or the restore was refused", refused);
            }
        }
    }

    private static PrintStream standardError() {
        return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    }
}
