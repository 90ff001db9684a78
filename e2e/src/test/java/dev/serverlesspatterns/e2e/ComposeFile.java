package dev.serverlesspatterns.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The repository's docker-compose.yml, read as data: the checks run here without a Docker engine. */
final class ComposeFile {

    static final Path PATH = Path.of("..", "docker-compose.yml");

    /** The variable a suite container's health check reads its gateway port from; the image's entrypoint too. */
    static final String SUITE_PORT = "SUITE_PORT";

    private final Map<String, Object> document;

    private ComposeFile(Map<String, Object> document) {
        this.document = document;
    }

    static ComposeFile ofRepository() {
        try (Reader reader = Files.newBufferedReader(PATH)) {
            return new ComposeFile(new Yaml().load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> document() {
        return document;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) document.get("services");
    }

    /** The services that run the suite, on Floci or on LocalStack: the Dockerfile's default stage. */
    Map<String, Map<String, Object>> suiteServices() {
        Map<String, Map<String, Object>> suites = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            // The suite is the Dockerfile's default (last) stage; a build with a target is another image (legacy-shop).
            if (service.get("build") instanceof String) {
                suites.put(name, service);
            }
        });
        return suites;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        environment.forEach((name, value) -> values.put(name, String.valueOf(value)));
        return values;
    }

    @SuppressWarnings("unchecked")
    static HealthCheck healthCheck(Map<String, Object> service) {
        Map<String, Object> healthCheck = (Map<String, Object>) service.get("healthcheck");
        return new HealthCheck(
                (List<String>) healthCheck.get("test"), seconds(String.valueOf(healthCheck.get("timeout"))));
    }

    private static Duration seconds(String composeDuration) {
        if (!composeDuration.matches("\\d+s")) {
            throw new IllegalArgumentException("Expected a duration in seconds such as 3s, not " + composeDuration);
        }
        return Duration.ofSeconds(Long.parseLong(composeDuration.substring(0, composeDuration.length() - 1)));
    }

    /**
     * A compose health check: {@code ["CMD", program, args...]} runs the program, {@code ["CMD-SHELL", command]}
     * runs the command with the container's {@code /bin/sh -c}.
     */
    record HealthCheck(List<String> test, Duration timeout) {

        boolean viaShell() {
            return test.getFirst().equals("CMD-SHELL");
        }

        /** The shell command as the container receives it: compose turns each {@code $$} into {@code $}. */
        String shellCommand() {
            if (!viaShell()) {
                throw new IllegalStateException("Not a CMD-SHELL health check: " + test);
            }
            return test.get(1).replace("$$", "$");
        }

        /** What the container runs, with {@code shell} standing for the image's {@code /bin/sh}. */
        List<String> command(String shell) {
            return viaShell() ? List.of(shell, "-c", shellCommand()) : test.subList(1, test.size());
        }
    }
}
