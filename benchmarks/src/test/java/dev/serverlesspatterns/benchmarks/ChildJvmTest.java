package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    private static final Map<String, String> MACHINE = Map.of(
            "PATH", "/usr/bin",
            "HOME", "/root",
            "JAVA_TOOL_OPTIONS", "-Xmx64m",
            "AWS_PROFILE", "production");
    private static final Map<String, String> TEMPLATE = Map.of(
            "SPRING_CLOUD_FUNCTION_DEFINITION", "placeOrder",
            "ORDERS_TABLE", "bench-OrdersTable",
            "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    private static final Map<String, String> ENDPOINT =
            Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000", "AWS_REGION", "us-east-1");

    @Test
    void aBenchmarkedJvmSeesTheTemplateAndTheEmulatorButNotTheCallersShell() {
        // given the caller's shell, the function's template environment and the emulator's variables
        // when the environment of a benchmarked JVM is built without the tool options
        Map<String, String> environment = ChildJvm.environment(MACHINE, TEMPLATE, ENDPOINT, false);

        // then it has the machine basics, the template variables and the endpoint, and no JVM options at all
        assertThat(environment)
                .containsEntry("PATH", "/usr/bin")
                .containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", "placeOrder")
                .containsEntry("ORDERS_TABLE", "bench-OrdersTable")
                .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:5000")
                .doesNotContainKeys("JAVA_TOOL_OPTIONS", "AWS_PROFILE");
    }

    @Test
    void theTemplatesToolOptionsApplyWhenAskedFor() {
        // given the same inputs
        // when the environment is built with the tool options
        Map<String, String> environment = ChildJvm.environment(MACHINE, TEMPLATE, ENDPOINT, true);

        // then the template's JAVA_TOOL_OPTIONS is set, never the caller's
        assertThat(environment).containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    }
}
