package dev.serverlesspatterns.local.lambda;

import dev.serverlesspatterns.local.LoopbackPorts;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service's Boot app in its own JVM, like its own Lambda artifact: it runs with the template environment
 * of its functions and answers invocations on the platform's local Lambda endpoint (loopback only). It stops
 * by itself when the JVM that launched it exits.
 */
final class ServiceProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx384m", "-Xss512k");

    private final String name;
    private final Process process;
    private final URI endpoint;
    private final Path logFile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(String name, Process process, URI endpoint, Path logFile) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
    }

    static ServiceProcess start(String name, Path bootJar, Map<String, String> environment, Path logDirectory) {
        if (!Files.isRegularFile(bootJar)) {
            // The hint skips tests because running the suite needs only the jars; ./mvnw verify runs the tests.
            throw new IllegalStateException("Service " + name + " is not built: " + bootJar
                    + " is missing. Build it first with ./mvnw -DskipTests package");
        }
        int port = LoopbackPorts.free();
        try {
            Files.createDirectories(logDirectory);
            Path logFile = logDirectory.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-jar", bootJar.toString()));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("PLATFORM_LOCAL_LAMBDA_PORT", String.valueOf(port));
            return new ServiceProcess(name, builder.start(), URI.create("http://127.0.0.1:" + port), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start service " + name, e);
        }
    }

    String name() {
        return name;
    }

    /** Waits until the service answers, and returns the function beans it offers. */
    Set<String> awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Service " + name + " exited while starting; its log ends with:\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(endpoint.resolve("/2015-03-31/functions"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Set.of(JSON.readValue(response.body(), String[].class));
                }
            } catch (IOException notYet) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting " + name, e);
            }
        }
        throw new IllegalStateException(
                "Service " + name + " did not start within " + STARTUP_TIMEOUT + "; log:\n" + logTail());
    }

    InvocationResult invoke(String definition, String functionName, byte[] event, int timeoutSeconds) {
        HttpRequest request = HttpRequest.newBuilder(
                        endpoint.resolve("/2015-03-31/functions/" + definition + "/invocations"))
                .timeout(Duration.ofSeconds(timeoutSeconds + 5L))
                .header("Lambda-Function-Name", functionName)
                .header("Lambda-Request-Id", UUID.randomUUID().toString())
                .header("Lambda-Timeout-Seconds", String.valueOf(timeoutSeconds))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + response.statusCode() + " for " + definition);
            }
            return new InvocationResult(
                    response.body(),
                    response.headers().firstValue("X-Amz-Function-Error").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException("Service " + name + " did not answer an invocation of " + definition, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while invoking " + definition, e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
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
