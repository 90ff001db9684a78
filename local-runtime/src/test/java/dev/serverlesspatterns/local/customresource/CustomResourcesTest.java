package dev.serverlesspatterns.local.customresource;

import static dev.serverlesspatterns.local.customresource.RespondingFunction.echoing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A custom resource created the way a deploy creates it: its function gets CloudFormation's Create request and the
 * outcome is whatever the function PUTs to the request's ResponseURL. The template's other resources are real, in
 * the emulator; the function is a double that speaks the custom resource protocol over HTTP.
 */
@ExtendWith(SharedEmulator.class)
class CustomResourcesTest {

    private static AwsEmulator emulator;
    private static Stack stack;

    @BeforeAll
    static void provision(AwsEmulator shared) throws URISyntaxException {
        emulator = shared;
        SamTemplate template = SamTemplate.load(Path.of(CustomResourcesTest.class
                .getResource("/templates/custom-resource.yaml")
                .toURI()));
        stack = Provisioner.provision(template, emulator.endpoint(), "custom-resource-test", Map.of());
    }

    @Test
    void theFunctionGetsCloudFormationsCreateRequestAndItsAnswerBecomesTheResource() {
        // given a function that succeeds with a physical id and data
        RespondingFunction function = RespondingFunction.responding(request -> {
            var response = echoing(request, "SUCCESS");
            response.put("PhysicalResourceId", "thing-42");
            response.putObject("Data").put("Shade", "navy");
            return response;
        });

        // when the template's custom resources are created
        List<String> progress = new java.util.ArrayList<>();
        CustomResources.createAll(stack, function, progress::add);

        // then the function behind the ServiceToken got one Create request with the resolved properties
        assertThat(function.functions()).containsExactly("CreateThingFunction");
        JsonNode request = function.requests().getFirst();
        assertThat(request.get("RequestType").asString()).isEqualTo("Create");
        assertThat(request.get("LogicalResourceId").asString()).isEqualTo("Thing");
        assertThat(request.get("ResourceType").asString()).isEqualTo("Custom::Thing");
        assertThat(request.get("StackId").asString()).isEqualTo(stack.stackId());
        assertThat(request.get("ResponseURL").asString()).startsWith("http://127.0.0.1:");
        assertThat(request.get("ServiceToken").asString())
                .endsWith(":function:custom-resource-test-CreateThingFunction:live");
        JsonNode properties = request.get("ResourceProperties");
        assertThat(properties.get("ServiceToken").asString())
                .isEqualTo(request.get("ServiceToken").asString());
        assertThat(properties.get("Colour").asString()).isEqualTo("blue");
        assertThat(properties.get("QueueUrl").asString()).isEqualTo(stack.ref("ThingsQueue"));
        assertThat(properties.get("FunctionVersion").asString())
                .endsWith(":function:custom-resource-test-CreateThingFunction:1");

        // and Ref and Fn::GetAtt of the resource return what the function answered
        assertThat(stack.ref("Thing")).isEqualTo("thing-42");
        assertThat(stack.attribute("Thing", "Shade")).isEqualTo("navy");
        assertThat(progress).containsExactly("Thing (Custom::Thing) created");
    }

    @Test
    void aFailedResponseStopsTheRunWithItsReason() {
        // given a function that reports FAILED
        RespondingFunction function = RespondingFunction.responding(request -> {
            var response = echoing(request, "FAILED");
            response.put("PhysicalResourceId", "thing-42");
            response.put("Reason", "FlywayValidateException: checksum mismatch for migration version 1");
            return response;
        });

        // when / then
        assertThatThrownBy(() -> CustomResources.create(stack, function, "Thing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Custom resource Thing (Custom::Thing) failed")
                .hasMessageContaining("checksum mismatch for migration version 1");
    }

    @Test
    void aFunctionErrorWithoutResponseStopsTheRunAtOnce() {
        // given a function that crashes before it responds
        RespondingFunction function = RespondingFunction.crashing("no route to the database");

        // when / then the run does not wait out the timeout, and says why
        long started = System.nanoTime();
        assertThatThrownBy(() -> CustomResources.create(stack, function, "Thing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CreateThingFunction failed (Unhandled) without responding")
                .hasMessageContaining("no route to the database");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void noResponseWithinTheFunctionsTimeoutStopsTheRun() {
        // given a function (Timeout: 1) that returns without responding
        RespondingFunction function = RespondingFunction.responding(RespondingFunction.SILENT);
        CustomResources resources = new CustomResources(stack, function, Duration.ofMillis(200));

        // when / then
        assertThatThrownBy(() ->
                        resources.create(stack.template().customResources().getFirst()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Custom resource Thing (Custom::Thing) got no response within 1 s");
    }

    @Test
    void aResponseThatDoesNotEchoTheRequestIsRefused() {
        // given a function that answers with another request's id, which CloudFormation would ignore
        RespondingFunction function = RespondingFunction.responding(request -> {
            var response = echoing(request, "SUCCESS");
            response.put("PhysicalResourceId", "thing-42");
            response.put("RequestId", "some-other-request");
            return response;
        });

        // when / then
        assertThatThrownBy(() -> CustomResources.create(stack, function, "Thing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RequestId is not the request's");
    }
}
