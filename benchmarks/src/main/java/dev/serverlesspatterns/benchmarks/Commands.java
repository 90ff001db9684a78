package dev.serverlesspatterns.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Short-lived helper commands (java -version, git) whose output describes the run. */
final class Commands {

    private Commands() {}

    /** Standard output and error together, trimmed; empty when the command is missing, fails or hangs. */
    static Optional<String> output(Path workingDirectory, String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new String(output, StandardCharsets.UTF_8).strip());
        } catch (IOException missing) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static List<String> lines(Optional<String> output) {
        return output.map(text -> text.lines().toList()).orElse(List.of());
    }
}
