package dev.serverlesspatterns.e2e;

import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A second JVM of the partners service beside the one the local suite runs: its runnable jar, the environment the
 * template gives the function (the same table, the same partner), on a port it reports; invoked like the local runtime
 * invokes a service ({@code POST /2015-03-31/functions/{definition}/invocations}). Two Lambda environments share
 * nothing but the table: neither do these two JVMs.
 */
final class PartnersJvm implements AutoCloseable {

    private static final Path JAR = Path.of("../services/partners/target/partners-exec.jar");

    private final Process process;
    private final URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PartnersJvm(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** @param functions the service's functions, whose environments the JVM gets, as the local runtime gives them */
    static PartnersJvm start(LocalSuite suite, List<String> functions, Path directory) throws IOException {
        Path portFile = directory.resolve("partners-second.port");
        // A port file of an earlier run names a port nobody listens on any more.
        Files.deleteIfExists(portFile);
        Map<String, String> environment = new HashMap<>(suite.stack().endpoint().environment());
        functions.forEach(function -> environment.putAll(suite.stack()
                .template()
                .function(function)
                .environment(suite.stack().intrinsics())));
        // One JVM serves every function of the service, as in the local suite (its ready check looks each one up).
        environment.remove("SPRING_CLOUD_FUNCTION_DEFINITION");
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.put("SERVER_PORT", "0");
        environment.put("PLATFORM_LOCAL_PORT_FILE", portFile.toString());
        environment.put(
                "PLATFORM_LOCAL_LAUNCHER_PID",
                Long.toString(ProcessHandle.current().pid()));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-jar",
                JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("partners-second.log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        // As long as the local runtime gives a service to start: every JVM on a loaded two-core machine is slow.
        String port = await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            if (!process.isAlive()) {
                                throw new IllegalStateException("The second partners JVM exited while starting; see "
                                        + directory.resolve("partners-second.log"));
                            }
                            return Files.exists(portFile)
                                    ? Files.readString(portFile).strip()
                                    : "";
                        },
                        text -> !text.isEmpty());
        return new PartnersJvm(process, URI.create("http://127.0.0.1:" + port));
    }

    /** Invokes the function with an event, as Lambda would: the function's answer (an API Gateway proxy response). */
    String invoke(String definition, String event) {
        HttpRequest request = HttpRequest.newBuilder(
                        endpoint.resolve("/2015-03-31/functions/" + definition + "/invocations"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
