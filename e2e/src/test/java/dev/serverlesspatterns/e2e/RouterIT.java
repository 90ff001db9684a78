package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Router: a rule on the orders bus (for each placed order) or any service hands a NotificationRequested to the
 * notifications service's router with an asynchronous invoke of its live alias; Spring Cloud Function's functionRouter picks the task of its channel, and each task writes only
 * its own table, once per notification id. An unknown channel is tried 1 + MaximumRetryAttempts (2) times and then
 * reaches NotificationFailuresQueue once, as Lambda's invocation record with the original request; nothing is written.
 *
 * <p>Runs are counted per notification id ({@link Watches}), so other tests' traffic does not disturb them; a count is
 * read once it has stayed put for longer than the suite's longest retry delay (0.4 s).
 */
@ExtendWith(LocalSuiteExtension.class)
class RouterIT {

    private static final String FUNCTION = "RouteNotificationFunction";
    private static final Map<String, String> TABLE_OF_CHANNEL = Map.of(
            "EMAIL", "EmailNotificationsTable",
            "SMS", "SmsNotificationsTable",
            "PUSH", "PushNotificationsTable");
    private static final Duration SETTLED = Duration.ofMillis(800);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalSuite suite;
    private LambdaClient lambda;
    private DynamoDbClient dynamo;
    private SqsClient sqs;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.lambda = SuiteLambda.client(suite);
        this.dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder());
        this.sqs = suite.stack().endpoint().configure(SqsClient.builder());
    }

    @AfterEach
    void disconnect() {
        lambda.close();
        dynamo.close();
        sqs.close();
    }

    @Test
    void placingAnOrderPushesOneNotificationToTheCustomerThroughTheRouter() {
        // given a customer with a token
        ShopApi api = new ShopApi(suite.gatewayUrl("ShopApi"));
        Identities identities = new Identities(api, suite);
        Identities.Client customer = identities.newUser("orders:read", "orders:write");

        // when the customer places an order
        ShopApi.Response placed = api.request("POST", "/orders")
                .bearer(identities.token(customer))
                .json("{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":1,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}")
                .send();

        // then the rule on the orders bus turns its OrderPlaced into a push request, which the router hands to the
        // push task: one item, keyed by the order id, in the push table only
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        Map<String, AttributeValue> pushed = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> item("PushNotificationsTable", orderId), item -> !item.isEmpty());
        assertThat(pushed.get("channel").s()).isEqualTo("PUSH");
        assertThat(pushed.get("recipient").s()).isEqualTo(customer.id());
        assertThat(pushed.get("text").s()).isEqualTo("Your order " + orderId + " was placed.");
        assertThat(item("EmailNotificationsTable", orderId)).isEmpty();
        assertThat(item("SmsNotificationsTable", orderId)).isEmpty();
    }

    @Test
    void eachChannelLandsOnceInItsOwnTableAndInNoOther() {
        // given one request per channel
        Map<String, String> idOfChannel = Map.of(
                "EMAIL", UUID.randomUUID().toString(),
                "SMS", UUID.randomUUID().toString(),
                "PUSH", UUID.randomUUID().toString());
        List<Watches> runs = new ArrayList<>();
        idOfChannel.values().forEach(id -> runs.add(Watches.of(suite, id, FUNCTION)));
        try {
            // when each is handed to the router asynchronously
            idOfChannel.forEach((channel, id) ->
                    assertThat(invokeAsynchronously(request(id, channel))).isEqualTo(202));

            // then each channel's task recorded its request in its own table, once, and no other table has it
            idOfChannel.forEach((channel, id) -> {
                Map<String, AttributeValue> sent = await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> item(TABLE_OF_CHANNEL.get(channel), id), item -> !item.isEmpty());
                assertThat(sent.get("channel").s()).isEqualTo(channel);
                assertThat(sent.get("status").s()).isEqualTo("SENT");
                TABLE_OF_CHANNEL.values().stream()
                        .filter(table -> !table.equals(TABLE_OF_CHANNEL.get(channel)))
                        .forEach(table -> assertThat(item(table, id)).as(table).isEmpty());
            });
            runs.forEach(watch ->
                    assertThat(settled(watch, 1)).as("one run, no retry").isEqualTo(1));
        } finally {
            runs.forEach(Watches::close);
        }
    }

    @Test
    void theSameRequestDeliveredTwiceIsWrittenOnce() {
        // given a push request that was delivered and sent once
        String id = UUID.randomUUID().toString();
        String request = request(id, "PUSH");
        try (Watches runs = Watches.of(suite, id, FUNCTION)) {
            assertThat(invokeAsynchronously(request)).isEqualTo(202);
            Map<String, AttributeValue> first = await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> item("PushNotificationsTable", id), item -> !item.isEmpty());

            // when Lambda delivers it again, as an at-least-once delivery may
            assertThat(invokeAsynchronously(request)).isEqualTo(202);

            // then the second run succeeded (a failed run would have been retried) and wrote nothing
            assertThat(settled(runs, 2)).as("one run per delivery, no retries").isEqualTo(2);
            assertThat(item("PushNotificationsTable", id)).isEqualTo(first);
            assertThat(failureRecordsAbout(id)).isEmpty();
        }
    }

    @Test
    void anUnknownChannelIsTriedThreeTimesThenRecordedOnceOnTheFailureQueueAndWritesNothing() {
        // given a request for a channel no task sends by
        String id = UUID.randomUUID().toString();
        String request = request(id, "FAX");
        try (Watches runs = Watches.of(suite, id, FUNCTION)) {

            // when it is handed to the router asynchronously
            assertThat(invokeAsynchronously(request)).isEqualTo(202);

            // then Lambda tries it 1 + 2 times and records it once, unchanged, on the on-failure queue
            List<JsonNode> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        records.addAll(failureRecordsAbout(id));
                        return !records.isEmpty();
                    });
            assertThat(settled(runs, 3)).as("attempts").isEqualTo(3);
            records.addAll(failureRecordsAbout(id));
            assertThat(records).hasSize(1);
            JsonNode record = records.getFirst();
            assertThat(record.get("requestPayload")).isEqualTo(JSON.readTree(request));
            assertThat(record.get("requestContext").get("condition").asString()).isEqualTo("RetriesExhausted");
            assertThat(record.get("requestContext")
                            .get("approximateInvokeCount")
                            .asInt())
                    .isEqualTo(3);
            assertThat(record.get("responsePayload").get("errorType").asString())
                    .isEqualTo("dev.serverlesspatterns.notifications.routing.UnroutableNotification");
            assertThat(record.get("responsePayload").get("errorMessage").asString())
                    .contains("no task sends by channel 'FAX'");
            TABLE_OF_CHANNEL
                    .values()
                    .forEach(table -> assertThat(item(table, id)).as(table).isEmpty());
        }
    }

    private static String request(String id, String channel) {
        return """
                {"notificationId":"%s","channel":"%s","recipient":"customer-0001","text":"Your order has shipped."}""".formatted(id, channel);
    }

    private int invokeAsynchronously(String payload) {
        return lambda.invoke(invoke -> invoke.functionName(suite.stack().ref(FUNCTION))
                        .qualifier("live")
                        .invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String(payload)))
                .statusCode();
    }

    /** The watched run count, once it has reached at least the expected count and then stopped changing. */
    private static int settled(Watches runs, int expected) {
        int[] last = {-1};
        long[] since = {System.nanoTime()};
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    int now = runs.count(FUNCTION);
                    if (now != last[0]) {
                        last[0] = now;
                        since[0] = System.nanoTime();
                        return false;
                    }
                    return now >= expected
                            && Duration.ofNanos(System.nanoTime() - since[0]).compareTo(SETTLED) > 0;
                });
        return last[0];
    }

    private Map<String, AttributeValue> item(String table, String notificationId) {
        return dynamo.getItem(get -> get.tableName(suite.stack().ref(table))
                        .key(Map.of("notificationId", AttributeValue.fromS(notificationId)))
                        .consistentRead(true))
                .item();
    }

    /** Takes the failure records of this request off the queue; others reappear after their visibility timeout. */
    private List<JsonNode> failureRecordsAbout(String notificationId) {
        String queueUrl = suite.stack().ref("NotificationFailuresQueue");
        List<JsonNode> records = new ArrayList<>();
        for (Message message : sqs.receiveMessage(receive ->
                        receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            JsonNode record = JSON.readTree(message.body());
            if (record.path("requestPayload").path("notificationId").asString().equals(notificationId)) {
                records.add(record);
                sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return records;
    }
}
