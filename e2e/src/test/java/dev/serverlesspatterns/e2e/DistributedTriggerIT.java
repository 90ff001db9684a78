package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.operate.QueueDepths;
import dev.serverlesspatterns.local.operate.ServiceQueues;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distributed Trigger: the orders table's stream puts order events on the orders bus; a rule triggers the audit
 * service's function, which republishes each event once on the audit service's order-activity topic; billing,
 * payments and notifications each own a queue (with DLQ) subscribed to it. The tests go through the shop API, the
 * bus and the tables, and count each consumer's runs once they have settled (event sources poll in the background).
 */
@ExtendWith(LocalSuiteExtension.class)
class DistributedTriggerIT {

    private static final String TRIGGER = "DistributeOrderActivityFunction";
    private static final String BILLING = "IssueInvoiceFunction";
    private static final String PAYMENTS = "CancelPaymentIntentFunction";
    private static final String NOTIFICATIONS = "SendCancellationNoticeFunction";
    /** Each consuming service and the dead-letter queue of its order-activity queue. */
    private static final Map<String, String> CONSUMER_DEAD_LETTER_QUEUES = Map.of(
            "billing", "BillingOrderActivityDeadLetterQueue",
            "payments", "PaymentsOrderActivityDeadLetterQueue",
            "notifications", "NotificationsOrderActivityDeadLetterQueue");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalSuite suite;
    private ShopApi api;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private EventBridgeClient events;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder());
        this.sqs = suite.stack().endpoint().configure(SqsClient.builder());
        this.events = suite.stack().endpoint().configure(EventBridgeClient.builder());
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
        sqs.close();
        events.close();
    }

    @Test
    void eachOrderEventReachesEverySubscribedConsumerQueueExactlyOnce() {
        // given a customer, and each consumer's invocations that carry the customer's id counted (other tests' orders
        // still travel through the same functions)
        Identities identities = new Identities(api, suite);
        Identities.Client customer = identities.newUser("orders:read", "orders:write");
        String token = identities.token(customer);
        try (Watches runs = Watches.of(suite, customer.id(), TRIGGER, BILLING, PAYMENTS, NOTIFICATIONS)) {

            // when the customer places an order
            ShopApi.Response placed = api.request("POST", "/orders")
                    .bearer(token)
                    .json(
                            "{\"items\":[{\"sku\":\"PEN-7\",\"quantity\":1,\"unitPriceCents\":990}],\"currency\":\"EUR\"}")
                    .send();
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            String orderId = placed.json().get("orderId").asString();

            // then the trigger ran once and OrderPlaced reached billing's queue once (the others filter it out)
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> OrderItems.of(dynamo, suite, "BillingTable", orderId), item -> !item.isEmpty());
            SettledRuns.of(suite, TRIGGER, BILLING, PAYMENTS, NOTIFICATIONS);
            assertThat(runs.count(TRIGGER)).as("trigger runs").isEqualTo(1);
            assertThat(runs.count(BILLING)).as("billing runs").isEqualTo(1);
            assertThat(runs.count(PAYMENTS)).as("payments runs").isZero();
            assertThat(runs.count(NOTIFICATIONS)).as("notifications runs").isZero();

            // when the customer cancels it
            ShopApi.Response cancelled =
                    api.request("DELETE", "/orders/" + orderId).bearer(token).send();
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

            // then OrderCancelled reached the payments and the notifications queue once each, and billing's not at all
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> runs.count(PAYMENTS) > 0 && runs.count(NOTIFICATIONS) > 0);
            SettledRuns.of(suite, TRIGGER, BILLING, PAYMENTS, NOTIFICATIONS);
            assertThat(runs.count(TRIGGER)).as("trigger runs").isEqualTo(2);
            assertThat(runs.count(PAYMENTS)).as("payments runs").isEqualTo(1);
            assertThat(runs.count(NOTIFICATIONS)).as("notifications runs").isEqualTo(1);
            assertThat(runs.count(BILLING)).as("billing runs").isEqualTo(1);
        }

        // and, as the suite's per-service queue report shows them, no consumer dead-lettered anything
        Map<String, ServiceQueues> byService = QueueDepths.of(suite.stack()).read().stream()
                .collect(Collectors.toMap(ServiceQueues::service, Function.identity()));
        CONSUMER_DEAD_LETTER_QUEUES.forEach((service, deadLetterQueue) -> assertThat(
                        byService.get(service).queue(deadLetterQueue))
                .as(service + " " + deadLetterQueue)
                .hasValueSatisfying(
                        depth -> assertThat(depth.visible() + depth.inFlight()).isZero()));
    }

    @Test
    void anEventThatBreaksTheContractIsTriedThreeTimesThenParkedWithTheOriginalEventAndNothingIsPublished() {
        // given an OrderPlaced on the bus that lacks everything but its order id
        String orderId = UUID.randomUUID().toString();
        try (Watches runs = Watches.of(suite, orderId, TRIGGER, BILLING)) {

            // when
            events.putEvents(
                    put -> put.entries(entry -> entry.eventBusName(suite.stack().ref("OrderEventsBus"))
                            .source("serverlesspatterns.orders")
                            .detailType("OrderPlaced")
                            .detail("{\"orderId\":\"" + orderId + "\"}")));

            // then after the first try and two retries, the failure queue holds Lambda's record with the original event
            Message failure = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> takeContaining("OrderActivityFailuresQueue", orderId), found -> found != null);
            JsonNode record = JSON.readTree(failure.body());
            assertThat(record.path("requestContext").path("condition").asString())
                    .isEqualTo("RetriesExhausted");
            assertThat(record.path("requestContext")
                            .path("approximateInvokeCount")
                            .asInt())
                    .isEqualTo(3);
            assertThat(record.path("requestPayload")
                            .path("detail")
                            .path("orderId")
                            .asString())
                    .isEqualTo(orderId);
            SettledRuns.of(suite, TRIGGER, BILLING);
            assertThat(runs.count(TRIGGER)).as("trigger runs").isEqualTo(3);
            assertThat(runs.count(BILLING)).as("billing runs").isZero();
        }
    }

    @Test
    void anOrderRecordThatAnnouncesNothingReadableIsParkedAndTheStreamMovesOn() {
        // given an order item written past the API, without the customer every order event needs
        String brokenOrderId = UUID.randomUUID().toString();
        dynamo.putItem(put -> put.tableName(suite.stack().ref("OrdersTable"))
                .item(Map.of(
                        "orderId", AttributeValue.fromS(brokenOrderId),
                        "status", AttributeValue.fromS("OPEN"),
                        "currency", AttributeValue.fromS("EUR"),
                        "totalCents", AttributeValue.fromN("100"),
                        "createdAt", AttributeValue.fromS("2026-11-26T10:00:00Z"))));

        // when a customer places an order after it
        Identities identities = new Identities(api, suite);
        String token = identities.token(identities.newUser("orders:read", "orders:write"));
        ShopApi.Response placed = api.request("POST", "/orders")
                .bearer(token)
                .json("{\"items\":[{\"sku\":\"INK-3\",\"quantity\":3,\"unitPriceCents\":250}],\"currency\":\"EUR\"}")
                .send();
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();

        // then the broken record's batch is parked in the stream's failure queue, and the later order is invoiced
        Message parked = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> takeContaining("OrderEventsFailuresQueue", "DDBStreamBatchInfo"), found -> found != null);
        assertThat(JSON.readTree(parked.body())
                        .path("DDBStreamBatchInfo")
                        .path("batchSize")
                        .asInt())
                .isPositive();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> OrderItems.of(dynamo, suite, "BillingTable", orderId), item -> !item.isEmpty());
        assertThat(OrderItems.of(dynamo, suite, "BillingTable", brokenOrderId)).isEmpty();
    }

    /** Takes one message whose body contains the text off the queue, or null; others reappear after their timeout. */
    private Message takeContaining(String queue, String text) {
        String queueUrl = suite.stack().ref(queue);
        for (Message message : sqs.receiveMessage(receive ->
                        receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            if (message.body().contains(text)) {
                sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                return message;
            }
        }
        return null;
    }
}
