package dev.serverlesspatterns.local.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * moto's server on a free loopback port, started through a small Python launcher that exits together with
 * this JVM, so a killed test run leaves no emulator behind. moto binds port 0 and reports the port it got, so no
 * other process can take it between the choice and the bind.
 */
final class MotoServer implements AwsEmulator {

    private static final Logger log = LoggerFactory.getLogger(MotoServer.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final AwsEndpoint endpoint;

    private MotoServer(Process process, AwsEndpoint endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static boolean isInstalled() {
        return Executables.onPath("moto_server")
                && Executables.succeeds(List.of("python3", "-c", "import moto.server"));
    }

    static MotoServer start(String region) {
        Path launcher = extractLauncher();
        Path logFile;
        try {
            logFile = Files.createTempFile("moto-", ".log");
            Path portFile = Files.createTempDirectory("moto-").resolve("port");
            ProcessBuilder builder = new ProcessBuilder("python3", launcher.toString(), "-H", "127.0.0.1", "-p", "0")
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("MOTO_ACCOUNT_ID", AwsEndpoint.ACCOUNT_ID);
            builder.environment().put("LOCAL_RUNTIME_PORT_FILE", portFile.toString());
            Process process = builder.start();
            URI uri = URI.create("http://127.0.0.1:" + reportedPort(process, portFile, logFile));
            awaitReady(process, uri, logFile);
            log.debug("moto_server listening on {} (log {})", uri, logFile);
            return new MotoServer(process, new AwsEndpoint(uri, region, "test", "test", "moto_server at " + uri));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start moto_server", e);
        }
    }

    @Override
    public AwsEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Through moto's config API: the launcher ({@code moto_launcher.py}) reads {@code lambda_endpoint_url} when an
     * execution builds its Lambda client. The config replaces the whole {@code stepfunctions} section, so it repeats
     * {@code execute_state_machine}, which the launcher turns on at start (moto keeps the state machines created
     * without it apart, where executions do not run).
     */
    @Override
    public boolean sendLambdaTasksTo(URI lambdaApi) {
        String config = """
                {"stepfunctions": {"execute_state_machine": true, "lambda_endpoint_url": "%s"}}""".formatted(lambdaApi);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(endpoint.endpoint().resolve("/moto-api/config"))
                            .POST(HttpRequest.BodyPublishers.ofString(config))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "moto refused its Step Functions config: " + response.statusCode() + " " + response.body());
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot configure moto's Step Functions", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while configuring moto's Step Functions", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the port moto writes once it is bound. */
    private static int reportedPort(Process process, Path portFile, Path logFile) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited at start:\n" + Files.readString(logFile));
            }
            if (Files.isRegularFile(portFile)) {
                return Integer.parseInt(Files.readString(portFile).strip());
            }
            sleep();
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "moto_server did not bind within " + STARTUP_TIMEOUT + ":\n" + Files.readString(logFile));
    }

    private static void awaitReady(Process process, URI uri, Path logFile) throws IOException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited at start:\n" + Files.readString(logFile));
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(uri.resolve("/moto-api/")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for moto_server", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "moto_server did not answer within " + STARTUP_TIMEOUT + ":\n" + Files.readString(logFile));
    }

    private static Path extractLauncher() {
        try (InputStream script = MotoServer.class.getResourceAsStream("moto_launcher.py")) {
            Path launcher = Files.createTempFile("moto-launcher-", ".py");
            Files.write(launcher, script.readAllBytes());
            launcher.toFile().deleteOnExit();
            return launcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
