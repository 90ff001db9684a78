package dev.serverlesspatterns.local.emulator;

import io.floci.testcontainers.FlociContainer;
import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** An emulator in a Testcontainers-managed container: Floci by default, LocalStack for token holders. */
public final class ContainerEmulator implements AwsEmulator {

    /** Pinned so every contributor and CI run tests against the same emulator. */
    public static final String FLOCI_IMAGE = "floci/floci:2.2.0";

    static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";

    private final GenericContainer<?> container;
    private final AwsEndpoint endpoint;

    private ContainerEmulator(GenericContainer<?> container, AwsEndpoint endpoint) {
        this.container = container;
        this.endpoint = endpoint;
    }

    static ContainerEmulator floci(String region) {
        FlociContainer floci = new FlociContainer(DockerImageName.parse(FLOCI_IMAGE)).withRegion(region);
        floci.start();
        return new ContainerEmulator(
                floci,
                new AwsEndpoint(
                        URI.create(floci.getEndpoint()),
                        region,
                        floci.getAccessKey(),
                        floci.getSecretKey(),
                        "Floci (" + FLOCI_IMAGE + ")"));
    }

    static ContainerEmulator localStack(String region, String authToken) {
        LocalStackContainer localStack = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
                .withEnv("LOCALSTACK_AUTH_TOKEN", authToken)
                .withEnv("AWS_DEFAULT_REGION", region);
        localStack.start();
        return new ContainerEmulator(
                localStack,
                new AwsEndpoint(
                        localStack.getEndpoint(),
                        region,
                        localStack.getAccessKey(),
                        localStack.getSecretKey(),
                        "LocalStack (" + LOCALSTACK_IMAGE + ")"));
    }

    @Override
    public AwsEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        container.stop();
    }
}
