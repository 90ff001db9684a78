package dev.serverlesspatterns.local.apps;

import dev.serverlesspatterns.local.ChildProcesses;
import dev.serverlesspatterns.local.engines.Engine;
import dev.serverlesspatterns.local.template.CompanionAppDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One companion app in its own JVM, on a port it picks itself: it binds port 0 and writes the port it got to the file
 * named by {@code PORTFILE} (Spring Boot's {@code WebServerPortFileWriter} convention), so no port is ever handed
 * out twice. Ready once its health path answers 200.
 */
final class CompanionApp implements AutoCloseable {

    /** Every service starts at the same time on a two-core laptop. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m");

    private final CompanionAppDefinition definition;
    private final Process process;
    private final Path logFile;
    private final Path portFile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private CompanionApp(CompanionAppDefinition definition, Process process, Path logFile, Path portFile) {
        this.definition = definition;
        this.process = process;
        this.logFile = logFile;
        this.portFile = portFile;
    }

    /** Launches the app's JVM without waiting for it ({@link #awaitReady()} does). */
    static CompanionApp launch(CompanionAppDefinition definition, Optional<Engine> postgres, Path logDirectory) {
        if (!Files.isRegularFile(definition.jar())) {
            throw new IllegalStateException("Companion app " + definition.name() + " has no jar at " + definition.jar()
                    + "; build it first (./mvnw package)");
        }
        Path logFile = logDirectory.resolve(definition.name() + ".log");
        Path portFile = logDirectory.resolve(definition.name() + ".port");
        try {
            Files.createDirectories(logDirectory);
            Files.deleteIfExists(portFile);
            List<String> command = new ArrayList<>(List.of(ChildProcesses.java()));
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-jar", definition.jar().toString()));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
            builder.environment().put("SERVER_PORT", "0");
            builder.environment().put("PORTFILE", portFile.toString());
            if (definition.postgres()) {
                Engine engine = postgres.orElseThrow(() -> new IllegalStateException(
                        "Companion app " + definition.name() + " needs Postgres, which this run does not start"));
                builder.environment().put("SPRING_DATASOURCE_URL", engine.url());
                builder.environment().put("SPRING_DATASOURCE_USERNAME", engine.username());
                builder.environment().put("SPRING_DATASOURCE_PASSWORD", engine.password());
            }
            return new CompanionApp(definition, builder.start(), logFile, portFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start companion app " + definition.name(), e);
        }
    }

    CompanionAppDefinition definition() {
        return definition;
    }

    /** Waits until the app has reported its port and its health path answers 200; returns its base URL. */
    URI awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        URI baseUrl = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Companion app " + definition.name() + " exited while starting (exit "
                        + process.exitValue() + "); its log ends with:\n" + ChildProcesses.logTail(logFile));
            }
            OptionalInt port = baseUrl == null ? ChildProcesses.reportedPort(portFile) : OptionalInt.empty();
            if (port.isPresent()) {
                baseUrl = URI.create("http://127.0.0.1:" + port.getAsInt());
            }
            if (baseUrl != null && healthy(baseUrl)) {
                return baseUrl;
            }
            pause();
        }
        close();
        throw new IllegalStateException("Companion app " + definition.name() + " did not start within "
                + STARTUP_TIMEOUT + "; its log ends with:\n" + ChildProcesses.logTail(logFile));
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    @Override
    public String toString() {
        return "companion app " + definition.name();
    }

    private boolean healthy(URI baseUrl) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(baseUrl.resolve(definition.healthPath()))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + definition.name(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
