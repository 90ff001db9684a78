package dev.serverlesspatterns.shipping.shipment;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.event;
import static dev.serverlesspatterns.local.testing.SqsEvents.failedIds;
import static dev.serverlesspatterns.local.testing.SqsEvents.message;
import static dev.serverlesspatterns.local.testing.SqsEvents.redelivered;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipment planner through SCF's FunctionInvoker, fed the SQS events Lambda's event source mapping delivers from
 * the shipping order-activity queue.
 */
@ExtendWith(LocalAwsExtension.class)
class PlanShipmentLambdaTest {

    static final String FUNCTION = "PlanShipmentFunction";

    private ShipmentsProbe shipments;

    @BeforeEach
    void openTable(ProvisionedStack stack) {
        shipments = new ShipmentsProbe(stack);
    }

    @AfterEach
    void closeTable() {
        shipments.close();
    }

    @Test
    void plansTheShipmentOfAPlacedOrderToLeaveWithinTwoDays(LambdaHarness lambda) {
        // given an OrderPlaced of an order of its own, placed 2026-11-03
        ObjectNode message = newMessage();
        Instant before = Instant.now();

        // when
        String output = lambda.invoke(FUNCTION, event(message));

        // then
        assertThat(failedIds(output)).isEmpty();
        Map<String, AttributeValue> shipment = shipments.shipmentOf(orderIdOf(message));
        assertThat(shipment).containsOnlyKeys("orderId", "customerId", "status", "placedAt", "plannedAt", "dispatchBy");
        assertThat(shipment.get("status").s()).isEqualTo("PLANNED");
        assertThat(shipment.get("customerId").s())
                .isEqualTo(body(message).get("customerId").asString());
        assertThat(shipment.get("placedAt").s()).isEqualTo("2026-11-03T10:15:30.412Z");
        assertThat(shipment.get("dispatchBy").s()).isEqualTo("2026-11-05");
        assertThat(Instant.parse(shipment.get("plannedAt").s())).isBetween(before.minusMillis(1), Instant.now());
    }

    @Test
    void aRedeliveredOrderPlansNothingMore(LambdaHarness lambda) {
        // given a shipment planned once
        ObjectNode message = newMessage();
        lambda.invoke(FUNCTION, event(message));
        Map<String, AttributeValue> first = shipments.shipmentOf(orderIdOf(message));

        // when SQS delivers the order again, alone and twice in one batch
        String again = lambda.invoke(FUNCTION, event(redelivered(message)));
        String twice = lambda.invoke(FUNCTION, event(redelivered(message), redelivered(message)));

        // then nothing is reported and the shipment is not written again
        assertThat(failedIds(again)).isEmpty();
        assertThat(failedIds(twice)).isEmpty();
        assertThat(shipments.shipmentOf(orderIdOf(message))).isEqualTo(first);
    }

    @Test
    void aBatchWithOneBadRecordReportsExactlyThatRecordAndPlansTheOthers(LambdaHarness lambda) {
        // given three messages, the middle one breaking the OrderPlaced schema, the last one another event type
        ObjectNode good = newMessage();
        ObjectNode spoiled = body(newMessage());
        spoiled.remove("placedAt");
        ObjectNode bad = withBody(newMessage(), spoiled.toString());
        ObjectNode cancelled = withAttribute(newMessage(), "eventType", "OrderCancelled");

        // when they arrive in one batch
        String output = lambda.invoke(FUNCTION, event(good, bad, cancelled));

        // then only the unreadable ones come back, and only the good order has a shipment
        assertThat(failedIds(output))
                .containsExactly(
                        bad.get("messageId").asString(),
                        cancelled.get("messageId").asString());
        assertThat(shipments.shipmentOf(orderIdOf(good))).isNotEmpty();
        assertThat(shipments.shipmentOf(spoiled.get("orderId").asString())).isEmpty();
        assertThat(shipments.shipmentOf(orderIdOf(cancelled))).isEmpty();
    }

    /** A message of the fixture carrying a fresh OrderPlaced (all tests of the JVM share one emulator). */
    static ObjectNode newMessage() {
        ObjectNode message = message("plan-shipment.json");
        ObjectNode order = body(message);
        order.put("orderId", UUID.randomUUID().toString());
        order.put("customerId", "customer-" + UUID.randomUUID());
        ObjectNode withOrder = withBody(message, order);
        withOrder.put("messageId", UUID.randomUUID().toString());
        return withAttribute(withOrder, "eventId", UUID.randomUUID().toString());
    }

    static String orderIdOf(ObjectNode message) {
        return body(message).get("orderId").asString();
    }
}
