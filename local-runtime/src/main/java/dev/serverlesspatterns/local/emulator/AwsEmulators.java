package dev.serverlesspatterns.local.emulator;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * The one place that decides which AWS API this run talks to, for tests and the local suite alike:
 * <ol>
 *   <li>{@code AWS_ENDPOINT_URL} set: use it;</li>
 *   <li>Docker available: Floci in a container (LocalStack when {@code LOCALSTACK_AUTH_TOKEN} is set);</li>
 *   <li>{@code moto_server} on the PATH: start it on a free loopback port;</li>
 *   <li>otherwise fail at once, saying what to install.</li>
 * </ol>
 * {@code SUITE_AWS_EMULATOR=moto|floci|localstack} skips the search and asks for one.
 */
public final class AwsEmulators {

    public static final String DEFAULT_REGION = "us-east-1";

    private AwsEmulators() {}

    public static AwsEmulator start(Map<String, String> environment) {
        String region = environment.getOrDefault("AWS_REGION", DEFAULT_REGION);
        String explicit = environment.get("AWS_ENDPOINT_URL");
        if (explicit != null && !explicit.isBlank()) {
            return new ExternalEndpoint(new AwsEndpoint(
                    URI.create(explicit),
                    region,
                    environment.getOrDefault("AWS_ACCESS_KEY_ID", "test"),
                    environment.getOrDefault("AWS_SECRET_ACCESS_KEY", "test"),
                    "AWS_ENDPOINT_URL " + explicit));
        }
        String token = environment.get("LOCALSTACK_AUTH_TOKEN");
        return switch (environment.getOrDefault("SUITE_AWS_EMULATOR", "")) {
            case "moto" -> requireMoto(region);
            case "floci" -> ContainerEmulator.floci(region);
            case "localstack" -> ContainerEmulator.localStack(region, token);
            case "" -> {
                if (dockerAvailable()) {
                    yield token == null || token.isBlank()
                            ? ContainerEmulator.floci(region)
                            : ContainerEmulator.localStack(region, token);
                }
                yield requireMoto(region);
            }
            default ->
                throw new IllegalArgumentException("SUITE_AWS_EMULATOR must be moto, floci or localstack, not "
                        + environment.get("SUITE_AWS_EMULATOR"));
        };
    }

    public static boolean dockerAvailable() {
        // Asking Testcontainers without any Docker socket only produces a page of errors; look for one first.
        boolean socketLikely = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!socketLikely) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    private static AwsEmulator requireMoto(String region) {
        if (!Executables.onPath("moto_server")) {
            throw noEmulator();
        }
        try {
            return MotoServer.start(region);
        } catch (RuntimeException failed) {
            // Checked only after a failure: importing moto once more costs seconds of every start.
            if (!MotoServer.isInstalled()) {
                throw noEmulator();
            }
            throw failed;
        }
    }

    private static IllegalStateException noEmulator() {
        return new IllegalStateException("""
                No AWS API emulator is available. Do one of:
                  - start Docker, so the suite can run Floci in a container;
                  - install moto with its server extras: pip install 'moto[server]' (needs moto_server on the PATH);
                  - point AWS_ENDPOINT_URL at an emulator you run yourself.""");
    }
}
