package dev.serverlesspatterns.shipping.shipment;

import static dev.serverlesspatterns.local.testing.SqsEvents.event;
import static dev.serverlesspatterns.shipping.shipment.PlanShipmentLambdaTest.newMessage;
import static dev.serverlesspatterns.shipping.shipment.PlanShipmentLambdaTest.orderIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The internal API's function through SCF's FunctionInvoker, fed the request a caller's RequestResponse invoke sends. */
@ExtendWith(LocalAwsExtension.class)
class GetShipmentForOrderLambdaTest {

    private static final String FUNCTION = "GetShipmentForOrderFunction";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void answersTheShipmentPlannedForAPlacedOrder(LambdaHarness lambda) {
        // given an order whose shipment the planner planned
        ObjectNode placed = newMessage();
        lambda.invoke(PlanShipmentLambdaTest.FUNCTION, event(placed));

        // when the internal API is asked for the order's shipment
        JsonNode shipment = JSON.readTree(lambda.invoke(FUNCTION, request(orderIdOf(placed))));

        // then it answers the planned shipment
        assertThat(shipment.get("orderId").asString()).isEqualTo(orderIdOf(placed));
        assertThat(shipment.get("found").asBoolean()).isTrue();
        assertThat(shipment.get("status").asString()).isEqualTo("PLANNED");
        assertThat(shipment.get("customerId").asString()).startsWith("customer-");
        assertThat(shipment.get("dispatchBy").asString()).isEqualTo("2026-11-05");
        assertThat(shipment.get("plannedAt").asString()).endsWith("Z");
    }

    @Test
    void anOrderWithoutAShipmentIsANormalAnswerNotAnError(LambdaHarness lambda) {
        // given an order no shipment was planned for
        String orderId = UUID.randomUUID().toString();

        // when
        JsonNode shipment = JSON.readTree(lambda.invoke(FUNCTION, request(orderId)));

        // then it answers found=false
        assertThat(shipment.get("orderId").asString()).isEqualTo(orderId);
        assertThat(shipment.get("found").asBoolean()).isFalse();
        assertThat(shipment.get("status").isNull()).isTrue();
    }

    @Test
    void aRequestWithoutAnOrderIdFailsTheInvocation(LambdaHarness lambda) {
        // when / then: the function fails, which Lambda reports as a function error, not as a shipment
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, "{}"))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("needs an orderId");
    }

    private static String request(String orderId) {
        return Fixtures.event("get-shipment-for-order.json", Map.of("ORDER_ID", orderId))
                .toString();
    }
}
