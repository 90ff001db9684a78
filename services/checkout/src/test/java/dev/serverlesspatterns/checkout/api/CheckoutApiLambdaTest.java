package dev.serverlesspatterns.checkout.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checkout API's functions through SCF's FunctionInvoker, fed API Gateway proxy events, against the state machine
 * provisioned in the emulator (its executions' Lambda tasks are not served here: only the start and the description
 * are under test).
 */
@ExtendWith(LocalAwsExtension.class)
class CheckoutApiLambdaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRetriedStartNamesTheSameCheckoutAndStartsOneExecution(LambdaHarness lambda, ProvisionedStack stack) {
        // given a customer's checkout request with its idempotency key
        String customer = "customer-" + UUID.randomUUID();
        String request = start(customer, "key-1", "NL").toString();

        // when it is sent twice
        JsonNode first = JSON.readTree(lambda.invoke("StartCheckoutFunction", request));
        JsonNode second = JSON.readTree(lambda.invoke("StartCheckoutFunction", request));

        // then both answers name one checkout, which is one execution of the state machine
        assertThat(first.path("statusCode").asInt()).as(first.toString()).isEqualTo(202);
        assertThat(second.path("statusCode").asInt()).isEqualTo(202);
        String checkoutId =
                JSON.readTree(first.path("body").asString()).path("checkoutId").asString();
        assertThat(JSON.readTree(second.path("body").asString())
                        .path("checkoutId")
                        .asString())
                .isEqualTo(checkoutId);
        assertThat(first.path("headers").path("Location").asString()).isEqualTo("/checkouts/" + checkoutId);
        assertThat(executionsNamed(stack, checkoutId)).hasSize(1);

        // and the same key with another body is refused
        JsonNode reused = JSON.readTree(lambda.invoke(
                "StartCheckoutFunction", start(customer, "key-1", "DE").toString()));
        assertThat(reused.path("statusCode").asInt()).isEqualTo(422);
        assertThat(reused.path("body").asString()).contains("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void reportsTheCheckoutToItsCustomerOnly(LambdaHarness lambda) {
        // given a started checkout
        String customer = "customer-" + UUID.randomUUID();
        JsonNode started = JSON.readTree(lambda.invoke(
                "StartCheckoutFunction", start(customer, "key-1", "NL").toString()));
        String checkoutId = JSON.readTree(started.path("body").asString())
                .path("checkoutId")
                .asString();

        // when its customer and someone else ask for it
        JsonNode own = JSON.readTree(lambda.invoke("GetCheckoutFunction", get(customer, checkoutId)));
        JsonNode other = JSON.readTree(lambda.invoke("GetCheckoutFunction", get("someone-else", checkoutId)));

        // then the customer sees its execution's status, anyone else a 404
        assertThat(own.path("statusCode").asInt()).as(own.toString()).isEqualTo(200);
        JsonNode body = JSON.readTree(own.path("body").asString());
        assertThat(body.path("checkoutId").asString()).isEqualTo(checkoutId);
        assertThat(body.path("status").asString()).isIn("RUNNING", "SUCCEEDED", "FAILED");
        assertThat(other.path("statusCode").asInt()).isEqualTo(404);
        assertThat(other.path("body").asString()).contains("CHECKOUT_NOT_FOUND");
    }

    @Test
    void refusesARequestWithoutAnIdempotencyKey(LambdaHarness lambda) {
        // given
        ObjectNode request = start("customer-" + UUID.randomUUID(), "key-1", "NL");
        ((ObjectNode) request.get("headers")).remove("Idempotency-Key");
        ((ObjectNode) request.get("multiValueHeaders")).remove("Idempotency-Key");

        // when
        JsonNode answer = JSON.readTree(lambda.invoke("StartCheckoutFunction", request.toString()));

        // then
        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        assertThat(answer.path("body").asString()).contains("INVALID_IDEMPOTENCY_KEY");
    }

    private static ObjectNode start(String customer, String key, String country) {
        ObjectNode event = Fixtures.event(
                "start-checkout.json", Map.of("PRINCIPAL", customer, "IDEMPOTENCY_KEY", key, "SKU_A", "SKU-APITEST"));
        event.put("body", event.path("body").asString().replace("\"NL\"", "\"" + country + "\""));
        return event;
    }

    private static String get(String customer, String checkoutId) {
        return Fixtures.event("get-checkout.json", Map.of("PRINCIPAL", customer, "CHECKOUT_ID", checkoutId))
                .toString();
    }

    private static List<ExecutionListItem> executionsNamed(ProvisionedStack stack, String checkoutId) {
        try (SfnClient sfn = stack.client(SfnClient.builder())) {
            return sfn
                    .listExecutions(list -> list.stateMachineArn(stack.physicalName("CheckoutStateMachine")))
                    .executions()
                    .stream()
                    .filter(execution -> execution.name().equals(checkoutId))
                    .toList();
        }
    }
}
