package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Eventually Consistent: orders written through the shop API reach the reporting read model through the orders
 * table's stream (a second event source mapping beside the outbox's), under a version guard: a replayed older image
 * changes nothing, cancellations and removals replicate, and an unreadable record goes to the on-failure queue while
 * the records after it still arrive.
 */
@ExtendWith(LocalSuiteExtension.class)
class EventuallyConsistentIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORDER =
            "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":2,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}";
    private static final Duration REPLICATION = Duration.ofSeconds(30);

    private LocalSuite suite;
    private ShopApi api;
    private Reporting reporting;
    private String customer;
    private String token;

    @BeforeEach
    void signIn(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.reporting = new Reporting(suite);
        Identities identities = new Identities(api, suite);
        Identities.Client client = identities.newUser("orders:read", "orders:write");
        this.customer = client.id();
        this.token = identities.token(client);
    }

    @Test
    void aReplayedVersionOneLeavesVersionTwoInPlace() {
        // given an order at version 2 (placed, then one more book), replicated
        String orderId = place();
        ShopApi.Response changed = api.request("POST", "/orders/" + orderId + "/lines/BOOK-42/quantity")
                .bearer(token)
                .json("{\"delta\":1}")
                .send();
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        awaitRow(orderId, row -> row.getFirst().equals("2"));

        // when the stream record of version 1 is delivered again
        ObjectNode replay = (ObjectNode) JSON.readTree(Reporting.streamFixture(orderId, customer));
        ((ArrayNode) replay.get("Records")).remove(2);
        ((ArrayNode) replay.get("Records")).remove(1);
        String response = reporting.replicate(replay.toString());

        // then it is accepted and changes nothing: version 2 with three books stays
        assertThat(JSON.readTree(response).get("batchItemFailures")).isEmpty();
        assertThat(reporting.row(orderId)).containsExactly("2", "f", "OPEN", "3750");
    }

    @Test
    void cancellationsAndRemovalsReplicate() {
        // given a replicated order
        String orderId = place();
        awaitRow(orderId, row -> row.getFirst().equals("1"));

        // when it is cancelled through the API
        assertThat(api.request("DELETE", "/orders/" + orderId)
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(200);

        // then the read model shows it cancelled
        awaitRow(orderId, row -> row.get(2).equals("CANCELLED"));

        // and when the item is removed from the table, the read model keeps a tombstone
        try (DynamoDbClient dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder())) {
            dynamo.deleteItem(delete -> delete.tableName(suite.stack().ref("OrdersTable"))
                    .key(Map.of("orderId", AttributeValue.fromS(orderId))));
        }
        awaitRow(orderId, row -> row.get(1).equals("t"));
    }

    @Test
    void anUnreadableRecordGoesToTheFailureQueueAndLaterRecordsStillArrive() {
        // given an order whose item then loses its version (a write no reader of the table expects)
        String broken = place();
        awaitRow(broken, row -> row.getFirst().equals("1"));
        try (DynamoDbClient dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder())) {
            dynamo.updateItem(update -> update.tableName(suite.stack().ref("OrdersTable"))
                    .key(Map.of("orderId", AttributeValue.fromS(broken)))
                    .updateExpression("REMOVE version"));
        }

        // when another order is placed after it
        String next = place();

        // then the later order arrives in the read model
        awaitRow(next, row -> row.getFirst().equals("1"));

        // and the unreadable record's range reached the on-failure queue (after its retries), the row unchanged
        try (SqsClient sqs = suite.stack().endpoint().configure(SqsClient.builder())) {
            String queue = suite.stack().ref("ReplicationFailuresQueue");
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> failureFor(sqs, queue).isPresent());
        }
        assertThat(reporting.row(broken).getFirst()).isEqualTo("1");
    }

    private java.util.Optional<JsonNode> failureFor(SqsClient sqs, String queue) {
        List<Message> messages = sqs.receiveMessage(receive ->
                        receive.queueUrl(queue).maxNumberOfMessages(10).visibilityTimeout(0))
                .messages();
        return messages.stream()
                .map(message -> JSON.readTree(message.body()))
                .filter(body -> body.has("DDBStreamBatchInfo"))
                .findFirst();
    }

    private String place() {
        ShopApi.Response placed =
                api.request("POST", "/orders").bearer(token).json(ORDER).send();
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("orderId").asString();
    }

    private void awaitRow(String orderId, java.util.function.Predicate<List<String>> condition) {
        await().atMost(REPLICATION)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> reporting.row(orderId), row -> !row.isEmpty() && condition.test(row));
    }
}
