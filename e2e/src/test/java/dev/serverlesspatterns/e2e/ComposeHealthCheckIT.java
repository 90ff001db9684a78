package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each suite container's health check from docker-compose.yml, exactly as written, against a running suite:
 * under dash, the image's {@code /bin/sh} (Ubuntu), and with {@code SUITE_PORT} set as compose sets it in the
 * container. A check that passes here but never in the container (bash-only syntax, a missing tool) is what kept
 * {@code docker compose up} from ever turning healthy.
 */
@ExtendWith(LocalSuiteExtension.class)
class ComposeHealthCheckIT {

    /** The image's /bin/sh is dash; Debian and Ubuntu hosts have it too. Elsewhere the host's /bin/sh stands in. */
    private static final String IMAGE_SHELL =
            Files.isExecutable(Path.of("/usr/bin/dash")) ? "/usr/bin/dash" : "/bin/sh";

    static Stream<Arguments> suiteHealthChecks() {
        return ComposeFile.ofRepository().suiteServices().entrySet().stream()
                .map(service -> Arguments.of(service.getKey(), ComposeFile.healthCheck(service.getValue())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suiteHealthChecks")
    void reportsARunningSuiteHealthy(String service, ComposeFile.HealthCheck healthCheck, LocalSuite suite) {
        // given the suite running, its first API on the port the container's SUITE_PORT names
        int gatewayPort = suite.gatewayUrl("ShopApi").getPort();

        // when the health check runs as the container would run it
        Outcome outcome = run(healthCheck, gatewayPort);

        // then it reports healthy within the timeout compose gives it
        assertThat(outcome.exitCode()).as(service + ": " + outcome.output()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suiteHealthChecks")
    void reportsASuiteThatDoesNotAnswerUnhealthy(String service, ComposeFile.HealthCheck healthCheck) {
        // given a port where nothing listens
        int closedPort = closedPort();

        // when the health check runs against it
        Outcome outcome = run(healthCheck, closedPort);

        // then it reports unhealthy
        assertThat(outcome.exitCode()).as(service + ": " + outcome.output()).isNotZero();
    }

    private record Outcome(int exitCode, String output) {}

    private static Outcome run(ComposeFile.HealthCheck healthCheck, int gatewayPort) {
        ProcessBuilder builder = new ProcessBuilder(healthCheck.command(IMAGE_SHELL)).redirectErrorStream(true);
        builder.environment().put(ComposeFile.SUITE_PORT, String.valueOf(gatewayPort));
        try {
            Process process = builder.start();
            if (!process.waitFor(healthCheck.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Outcome(-1, "no answer within " + healthCheck.timeout());
            }
            return new Outcome(
                    process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
