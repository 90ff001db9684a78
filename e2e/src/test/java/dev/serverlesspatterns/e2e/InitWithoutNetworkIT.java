package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.benchmarks.FunctionJvm;
import dev.serverlesspatterns.benchmarks.RunResult;
import dev.serverlesspatterns.local.LoopbackPorts;
import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.emulator.AwsEmulators;
import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.engines.Engines;
import dev.serverlesspatterns.local.engines.PostgresParameters;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SnapStart runs each function's init while {@code sam deploy} publishes its version, outside any VPC it may need and
 * with whatever init creates frozen into the snapshot: so no function may touch the network in init. Every function
 * of the template starts here as on Lambda, in a fresh JVM from its Lambda artifact with its template environment
 * (the benchmark's {@link FunctionJvm}, init only), while every endpoint it could reach is a closed loopback port:
 * the AWS endpoint and the database URL. A connection attempt fails at once there, so init finishing proves none was
 * made.
 *
 * <p>It needs no local suite, so it runs beside the classes that share one (see the Failsafe configuration).
 */
@Execution(ExecutionMode.CONCURRENT)
class InitWithoutNetworkIT {

    /** Generous: a cold Spring context takes a few seconds here, less on Lambda; a hang is what this catches. */
    private static final Duration INIT_BOUND = Duration.ofMinutes(2);

    private static final SamTemplate TEMPLATE = SamTemplate.ofRepository();

    private static AwsEmulator emulator;
    private static Stack stack;
    private static Map<String, String> unreachableAws;

    @BeforeAll
    static void resolveEveryFunctionsEnvironment() {
        // The emulator only names the resources (queue URLs, secret ARNs) as a deploy would; no function sees it.
        emulator = AwsEmulators.start(System.getenv());
        Map<String, String> parameters = PostgresParameters.of(TEMPLATE)
                .map(database -> database.filledFrom(Engines.unreachablePostgres(), Map.of()))
                .orElse(Map.of());
        stack = Provisioner.provision(TEMPLATE, emulator.endpoint(), "init-check", parameters);
        AwsEndpoint endpoint = emulator.endpoint();
        unreachableAws = new AwsEndpoint(
                        URI.create("http://127.0.0.1:" + LoopbackPorts.closed()),
                        endpoint.region(),
                        endpoint.accessKeyId(),
                        endpoint.secretAccessKey(),
                        "a closed loopback port")
                .environment();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    static List<String> templateFunctions() {
        return TEMPLATE.functions().stream().map(FunctionDefinition::logicalId).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateFunctions")
    void initFinishesWithEveryEndpointUnreachable(String logicalId) {
        // given the function's Lambda artifact and its template environment, every endpoint a closed port
        FunctionDefinition function = TEMPLATE.function(logicalId);
        assertThat(function.codeUri()).as("Lambda artifact of " + logicalId).satisfies(Files::isRegularFile);
        Map<String, String> environment =
                FunctionJvm.environment(function.environment(stack.intrinsics()), unreachableAws, true);
        assertThat(environment.get("AWS_ENDPOINT_URL")).isEqualTo(unreachableAws.get("AWS_ENDPOINT_URL"));

        // when its handler is constructed as Lambda constructs it, in a fresh JVM
        FunctionJvm jvm =
                new FunctionJvm(FunctionJvm.defaultProbeJar(), INIT_BOUND, Path.of("target/init-without-network"));
        RunResult result = jvm.initialize(logicalId, function, environment);

        // then init finished, within the bound
        assertThat(result)
                .as(() -> logicalId + " did not finish init: "
                        + (result instanceof RunResult.Failed failed
                                ? failed.reason() + "\n" + failed.logTail()
                                : result.toString()))
                .isInstanceOfSatisfying(
                        RunResult.Measured.class,
                        measured -> assertThat(measured.probe().outcome()).isEqualTo("initialized"));
    }
}
