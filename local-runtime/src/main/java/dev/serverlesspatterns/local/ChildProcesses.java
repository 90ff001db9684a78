package dev.serverlesspatterns.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The JVMs the local runtime starts (the services hosting functions, the companion apps): each on the runtime's own
 * JDK, reporting the port it bound in a file, logging to a file of its own whose end goes into the error when it does
 * not start, and stopped gently first.
 */
public final class ChildProcesses {

    private static final int STOP_GRACE_SECONDS = 10;
    private static final int LOG_TAIL_LINES = 40;

    private ChildProcesses() {}

    /** The launcher of the running JVM, so that a child runs on the same JDK. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * The port the child wrote to {@code portFile}; empty while it has not, the file being absent or still empty
     * (not every writer writes it in one step).
     */
    public static OptionalInt reportedPort(Path portFile) {
        if (!Files.isRegularFile(portFile)) {
            return OptionalInt.empty();
        }
        try {
            String text = Files.readString(portFile, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the port reported in " + portFile, e);
        }
    }

    /** The end of a child's log, for the error that says it did not start. */
    public static String logTail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    /** Asks the process to stop, and kills it when it has not stopped within a few seconds. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
