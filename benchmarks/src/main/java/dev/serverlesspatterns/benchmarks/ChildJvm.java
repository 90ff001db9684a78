package dev.serverlesspatterns.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts one fresh JVM, times it from start to exit and reads its {@link ProbeResult} line. Each JVM gets an
 * environment built from scratch (see {@link #environment}), so nothing of the caller's shell, such as
 * {@code JAVA_TOOL_OPTIONS} or {@code AWS_PROFILE}, changes what is measured. Its stdout and stderr go to
 * files in the log folder, which a failed run quotes.
 */
final class ChildJvm {

    /** What a JVM needs from the machine's environment; everything else is the function's own. */
    static final Set<String> MACHINE_VARIABLES = Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR");

    static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private static final int LOG_TAIL_LINES = 25;

    private final Path java;
    private final List<String> jvmOptions;
    private final Duration timeout;
    private final Path logDirectory;

    ChildJvm(Path java, List<String> jvmOptions, Duration timeout, Path logDirectory) {
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.timeout = timeout;
        this.logDirectory = logDirectory;
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    /**
     * The environment of a benchmarked JVM: the machine basics, then the function's template variables
     * ({@code JAVA_TOOL_OPTIONS} only when asked for), then the emulator's AWS variables.
     */
    static Map<String, String> environment(
            Map<String, String> machine,
            Map<String, String> template,
            Map<String, String> awsEndpoint,
            boolean withToolOptions) {
        Map<String, String> environment = new TreeMap<>();
        machine.forEach((name, value) -> {
            if (MACHINE_VARIABLES.contains(name)) {
                environment.put(name, value);
            }
        });
        template.forEach((name, value) -> {
            if (withToolOptions || !name.equals(TOOL_OPTIONS)) {
                environment.put(name, value);
            }
        });
        environment.putAll(awsEndpoint);
        return environment;
    }

    /**
     * @param label names the log files ({@code PlaceOrderFunction-function-2})
     */
    RunResult run(
            String label,
            List<Path> classpath,
            String mainClass,
            List<String> arguments,
            Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(
                File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(arguments);
        try {
            Files.createDirectories(logDirectory);
            Path stdout = logDirectory.resolve(label + ".out");
            Path stderr = logDirectory.resolve(label + ".err");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);

            long started = System.nanoTime();
            Process process = builder.start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (!exited) {
                process.destroyForcibly().waitFor();
                return new RunResult.Failed("no exit within " + timeout.toSeconds() + " s", tail(stderr, stdout));
            }
            if (process.exitValue() != 0) {
                return new RunResult.Failed("exit code " + process.exitValue(), tail(stderr, stdout));
            }
            Optional<ProbeResult> result = ProbeResult.lastIn(readLines(stdout));
            return result.<RunResult>map(probe -> new RunResult.Measured(wallMs, probe))
                    .orElseGet(() -> new RunResult.Failed("no RESULT line on stdout", tail(stderr, stdout)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + label + " ran", e);
        }
    }

    /** The end of stderr; the end of stdout when stderr is empty (Spring logs to stdout). */
    private static String tail(Path stderr, Path stdout) {
        List<String> lines = readLines(stderr);
        if (lines.stream().allMatch(String::isBlank)) {
            lines = readLines(stdout);
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file)
                    ? List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\R"))
                    : List.of();
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
