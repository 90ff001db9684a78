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
import java.util.UUID;

/**
 * The benchmarked JVM of a function: does what the Lambda Java runtime does on a cold start, once, and
 * reports. It instantiates the template's handler class (no-arg constructor, as a
 * {@link RequestStreamHandler}), passes the event file to {@code handleRequest}, prints a {@link ProbeResult}
 * line and exits, which also runs the handler's shutdown hooks (Spring closes its context).
 *
 * <p>Arguments: handler class (a template {@code Handler} such as {@code Class::handleRequest} is accepted),
 * event file, function name for the context. With the handler class alone it stops after the construction (init
 * only, outcome {@code initialized}), as SnapStart's init while a version is published.
 */
public final class InvokeOnce {

    /** The template's function timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private InvokeOnce() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: InvokeOnce <handler class> [<event file> [function name]]");
        }
        long constructing = System.currentTimeMillis();
        RequestStreamHandler handler = instantiate(args[0].split("::")[0]);
        long initialized = System.currentTimeMillis();
        if (args.length == 1) {
            report(initialized - constructing, 0, "initialized");
            return;
        }
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        String functionName = args.length > 2 ? args[2] : "benchmark";

        ByteArrayOutputStream response = new ByteArrayOutputStream();
        String outcome;
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(event),
                    response,
                    new InvocationContext(functionName, UUID.randomUUID().toString(), TIMEOUT));
            outcome = ProbeResult.outcomeOf(response.toString(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException functionError) {
            // Lambda answers a function error too: the cold start still happened and is measured. The trace
            // goes to this run's log; the outcome column shows the error type.
            functionError.printStackTrace(standardError());
            outcome = "error:" + functionError.getClass().getSimpleName();
        }
        report(initialized - constructing, System.currentTimeMillis() - initialized, outcome);
    }

    /** Prints the result line and exits, which also runs the handler's shutdown hooks (Spring closes its context). */
    private static void report(long initMs, long invokeMs, String outcome) {
        long responded = System.currentTimeMillis();
        // Read after the answer, so loading the management classes is not part of the measured time.
        long jvmStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
        new ProbeResult(PeakRss.ofThisProcessKb(), responded - jvmStarted, initMs, invokeMs, outcome).printToStdout();
        System.exit(0);
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

    private static PrintStream standardError() {
        return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    }
}
