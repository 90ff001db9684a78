package dev.serverlesspatterns.orders.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The stream function through SCF's FunctionInvoker, fed the DynamoDB stream event Lambda delivers. */
@ExtendWith(LocalAwsExtension.class)
class PublishOrderEventsLambdaTest {

    private static final String FUNCTION = "PublishOrderEventsFunction";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void announcesThePlacedAndTheCancelledOrderInStreamOrderAndNothingForAQuantityChange(
            LambdaHarness lambda, ProvisionedStack stack) {
        // given a stream batch: the order is inserted, its quantity changed, then it is cancelled
        String orderId = UUID.randomUUID().toString();
        try (OrderEventsBusProbe bus = new OrderEventsBusProbe(stack, orderId)) {

            // when
            String output = lambda.invoke(FUNCTION, fixture(orderId).toString());

            // then
            assertThat(JSON.readTree(output).path("batchItemFailures")).isEmpty();
            List<JsonNode> events = bus.received(2);
            assertThat(events)
                    .extracting(event -> event.path("detail-type").asString())
                    .containsExactly("OrderPlaced", "OrderCancelled");
            assertThat(events)
                    .allSatisfy(event ->
                            assertThat(event.path("source").asString()).isEqualTo("serverlesspatterns.orders"));
            JsonNode placed = events.get(0).path("detail");
            assertThat(placed.path("orderId").asString()).isEqualTo(orderId);
            assertThat(placed.path("customerId").asString()).isEqualTo("alice");
            assertThat(placed.path("totalCents").asLong()).isEqualTo(2500);
            assertThat(placed.path("currency").asString()).isEqualTo("EUR");
            assertThat(placed.path("placedAt").asString()).isEqualTo("2026-11-26T10:00:00Z");
            assertThat(events.get(1).path("detail").path("cancelledAt").asString())
                    .isEqualTo("2026-11-26T10:02:00Z");
        }
    }

    @Test
    void failsOnARecordNoRetryCanFixAndAnnouncesNothingOfItsBatch(LambdaHarness lambda, ProvisionedStack stack) {
        // given the cancellation record lost its customer: the records before it could be announced, it cannot
        String orderId = UUID.randomUUID().toString();
        ObjectNode event = fixture(orderId);
        ArrayNode records = (ArrayNode) event.get("Records");
        ((ObjectNode) records.get(2).path("dynamodb").path("NewImage")).remove("customerId");
        try (OrderEventsBusProbe bus = new OrderEventsBusProbe(stack, orderId)) {

            // when / then: the invocation fails, so Lambda bisects the batch down to that record
            assertThatThrownBy(() -> lambda.invoke(FUNCTION, event.toString()))
                    .isInstanceOf(LambdaFunctionException.class)
                    .hasMessageContaining("Stream record 111100000000000000000003 announces no order event");
            assertThat(bus.received(1)).isEmpty();
        }
    }

    /** The stream batch of the test's own order. */
    private static ObjectNode fixture(String orderId) {
        return Fixtures.event("publish-order-events.json", Map.of("ORDER_ID", orderId));
    }
}
