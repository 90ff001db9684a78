package dev.serverlesspatterns.reporting.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.reporting.ReadModelDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * replicateOrders through SCF's FunctionInvoker, fed the orders table's stream records
 * ({@code events/replicate-orders.json}: an INSERT at version 1, then MODIFYs to 2 and 3) against the real Postgres.
 */
@ExtendWith(LocalAwsExtension.class)
class ReplicateOrdersLambdaTest {

    private static final String FUNCTION = "ReplicateOrdersFunction";

    @BeforeAll
    static void migrated(LambdaHarness lambda) {
        lambda.createCustomResource("ReportingSchemaMigration");
    }

    @Test
    void aReplayedBatchAndAnOlderImageChangeNothing(LambdaHarness lambda, ProvisionedStack stack) {
        // given the three versions of one order, replicated
        String orderId = UUID.randomUUID().toString();
        ObjectNode batch = Fixtures.event("replicate-orders.json", Map.of("ORDER_ID", orderId));
        String response = lambda.invoke(FUNCTION, batch.toString());
        ReadModelDatabase database = new ReadModelDatabase(stack);
        assertThat(response).contains("\"batchItemFailures\":[]");
        assertThat(database.order(orderId)).containsEntry("version", 3L);
        Object replicatedAt = database.jdbc()
                .sql("SELECT replicated_at FROM reporting.orders WHERE order_id = ?")
                .param(orderId)
                .query()
                .singleValue();

        // when the whole batch comes again, and then the version 1 record alone
        lambda.invoke(FUNCTION, batch.toString());
        ObjectNode first = Fixtures.event("replicate-orders.json", Map.of("ORDER_ID", orderId));
        ((ArrayNode) first.get("Records")).remove(2);
        ((ArrayNode) first.get("Records")).remove(1);
        lambda.invoke(FUNCTION, first.toString());

        // then the row is still version 3, untouched
        assertThat(database.order(orderId)).containsEntry("version", 3L);
        assertThat(database.jdbc()
                        .sql("SELECT replicated_at FROM reporting.orders WHERE order_id = ?")
                        .param(orderId)
                        .query()
                        .singleValue())
                .isEqualTo(replicatedAt);
    }

    @Test
    void aRemovalLeavesATombstoneThatNoOlderImageRevives(LambdaHarness lambda, ProvisionedStack stack) {
        // given an order at version 3
        String orderId = UUID.randomUUID().toString();
        ObjectNode batch = Fixtures.event("replicate-orders.json", Map.of("ORDER_ID", orderId));
        lambda.invoke(FUNCTION, batch.toString());

        // when the item is removed (the old image at version 3), and the version 2 record arrives late
        ObjectNode removal = Fixtures.event("replicate-orders.json", Map.of("ORDER_ID", orderId));
        ObjectNode record = (ObjectNode) removal.get("Records").get(2);
        ObjectNode dynamodb = (ObjectNode) record.get("dynamodb");
        record.put("eventName", "REMOVE");
        dynamodb.set("OldImage", dynamodb.get("NewImage"));
        dynamodb.remove("NewImage");
        ((ArrayNode) removal.get("Records")).remove(1);
        ((ArrayNode) removal.get("Records")).remove(0);
        lambda.invoke(FUNCTION, removal.toString());
        ObjectNode late = Fixtures.event("replicate-orders.json", Map.of("ORDER_ID", orderId));
        ((ArrayNode) late.get("Records")).remove(2);
        ((ArrayNode) late.get("Records")).remove(0);
        lambda.invoke(FUNCTION, late.toString());

        // then the read model keeps the tombstone
        assertThat(new ReadModelDatabase(stack).order(orderId))
                .containsEntry("deleted", true)
                .containsEntry("version", 3L);
    }

    @Test
    void anUnreadableRecordFailsTheInvocationSoLambdaBisectsItOut(LambdaHarness lambda, ProvisionedStack stack) {
        // given a batch whose second record has no version
        String orderId = UUID.randomUUID().toString();
        ObjectNode batch = Fixtures.event("replicate-orders.json", Map.of("ORDER_ID", orderId));
        ((ObjectNode) batch.get("Records").get(1).get("dynamodb").get("NewImage")).remove("version");

        // when / then the invocation fails and nothing of the batch is applied
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, batch.toString()))
                .hasMessageContaining("cannot be replicated");
        assertThat(new ReadModelDatabase(stack).order(orderId)).isNull();
    }
}
