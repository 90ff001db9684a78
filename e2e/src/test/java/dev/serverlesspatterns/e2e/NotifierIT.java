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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Notifier: billing publishes on its billing-notifications topic knowing no subscriber; invoicing and payments each
 * subscribe their own queue (with its DLQ and a filter on {@code eventType}) and consume it with an SQS event source.
 * Everything is wired by infra/template.yaml; the tests go through the shop API (an order placed there reaches billing
 * through the orders bus and the order-activity topic), the topic and the queues.
 *
 * <p>Run counts are global to the suite and the event sources poll in the background, so each count is read once it
 * has settled (unchanged for longer than one poll of the event source mapping).
 */
@ExtendWith(LocalSuiteExtension.class)
class NotifierIT {

    private static final String INVOICING = "RecordInvoiceFunction";
    private static final String PAYMENTS = "RecordPaymentIntentFunction";

    private LocalSuite suite;
    private ShopApi api;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private SnsClient sns;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder());
        this.sqs = suite.stack().endpoint().configure(SqsClient.builder());
        this.sns = suite.stack().endpoint().configure(SnsClient.builder());
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
        sqs.close();
        sns.close();
    }

    @Test
    void anOrderPlacedThroughTheShopApiIsInvoicedOnceAndEachSubscriberRecordsTheInvoiceOnce() {
        // given a customer with a token, and both subscribers idle
        Identities identities = new Identities(api, suite);
        String token = identities.token(identities.newUser("orders:read", "orders:write"));
        Map<String, Integer> before = SettledRuns.of(suite, INVOICING, PAYMENTS);
        int invoicingBefore = before.get(INVOICING);
        int paymentsBefore = before.get(PAYMENTS);

        // when the customer places an order: billing hears of it through events, never a call
        ShopApi.Response placed = api.request("POST", "/orders")
                .bearer(token)
                .json("{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":2,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}")
                .send();

        // then billing publishes one InvoiceIssued, and each subscriber records the invoice once, from one message
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        Map<String, AttributeValue> view = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> OrderItems.of(dynamo, suite, "InvoicesTable", orderId), item -> !item.isEmpty());
        String invoiceId = view.get("invoiceId").s();
        Map<String, AttributeValue> intent = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> item("PaymentIntentsTable", invoiceId), item -> !item.isEmpty());
        assertThat(view.get("amountCents").n()).isEqualTo("2500");
        assertThat(intent.get("status").s()).isEqualTo("PENDING");
        assertThat(intent.get("amountCents").n()).isEqualTo("2500");
        Map<String, Integer> runs = SettledRuns.of(suite, INVOICING, PAYMENTS);
        assertThat(runs.get(INVOICING)).as("invoicing runs").isEqualTo(invoicingBefore + 1);
        assertThat(runs.get(PAYMENTS)).as("payments runs").isEqualTo(paymentsBefore + 1);
        assertThat(queueDepth("InvoicingQueue") + queueDepth("PaymentsQueue")).isZero();
    }

    @Test
    void aPaymentFailedReachesPaymentsOnlyAndMarksTheIntentFailed() {
        // given an invoice both subscribers have recorded
        String invoiceId = "inv-" + UUID.randomUUID();
        publish("InvoiceIssued", invoiceIssued(invoiceId));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> item("InvoicesTable", invoiceId), item -> !item.isEmpty());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> item("PaymentIntentsTable", invoiceId), item -> !item.isEmpty());
        Map<String, Integer> before = SettledRuns.of(suite, INVOICING, PAYMENTS);
        int invoicingBefore = before.get(INVOICING);
        int paymentsBefore = before.get(PAYMENTS);

        // when billing's topic carries its PaymentFailed
        publish("PaymentFailed", """
                {"invoiceId":"%s","customerId":"customer-0001","reason":"card declined",
                 "failedAt":"2026-11-03T10:16:02.118Z"}""".formatted(invoiceId));

        // then payments marks the intent failed, and invoicing, whose filter lets only InvoiceIssued in, never sees it
        Map<String, AttributeValue> intent = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> item("PaymentIntentsTable", invoiceId),
                        item -> "FAILED".equals(item.get("status").s()));
        assertThat(intent.get("failureReason").s()).isEqualTo("card declined");
        Map<String, Integer> runs = SettledRuns.of(suite, INVOICING, PAYMENTS);
        assertThat(runs.get(PAYMENTS)).isEqualTo(paymentsBefore + 1);
        assertThat(runs.get(INVOICING)).isEqualTo(invoicingBefore);
    }

    @Test
    void aPoisonMessageLandsInInvoicingsDeadLetterQueueAfterThreeReceivesWithItsBodyAndPaymentsIsUnaffected() {
        // given invoicing's queue, its visibility timeout shortened from 90 s to 1 s for this test so that three
        // receives take seconds; the redrive policy (maxReceiveCount 3) is the template's
        String queueUrl = suite.stack().ref("InvoicingQueue");
        String templateTimeout = queueAttribute("InvoicingQueue", QueueAttributeName.VISIBILITY_TIMEOUT);
        // (counted by invocations that carry the poison's id: other tests' invoices still reach both functions)
        String invoiceId = "inv-" + UUID.randomUUID();
        String poison = "{\"invoiceId\":\"" + invoiceId + "\",\"note\":\"not an InvoiceIssued\"}";
        try (Watches runs = Watches.of(suite, invoiceId, INVOICING, PAYMENTS)) {
            setVisibilityTimeout(queueUrl, "1");

            // when a message that breaks the InvoiceIssued contract is sent to the queue; delayed by 2 s, so that no
            // receive that started (and took the visibility timeout) before the change can get it
            sqs.sendMessage(send -> send.queueUrl(queueUrl)
                    .messageBody(poison)
                    .delaySeconds(2)
                    .messageAttributes(Map.of("eventType", text("InvoiceIssued"))));

            // then it is tried three times and then moved, body unchanged, to invoicing's dead-letter queue
            List<Message> deadLettered = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        deadLettered.addAll(deadLettersWithBody("InvoicingDeadLetterQueue", poison));
                        return !deadLettered.isEmpty();
                    });
            assertThat(deadLettered).hasSize(1);
            assertThat(deadLettered.getFirst().body()).isEqualTo(poison);
            assertThat(deadLettered
                            .getFirst()
                            .messageAttributes()
                            .get("eventType")
                            .stringValue())
                    .isEqualTo("InvoiceIssued");
            assertThat(runs.count(INVOICING)).as("receives").isEqualTo(3);

            // and payments, with its own queue, saw nothing of it
            assertThat(runs.count(PAYMENTS)).isZero();
        } finally {
            setVisibilityTimeout(queueUrl, templateTimeout);
        }
        assertThat(deadLettersWithBody("PaymentsDeadLetterQueue", poison)).isEmpty();
    }

    @Test
    void theSameMessageDeliveredTwiceToEachQueueIsRecordedOnce() {
        // given an InvoiceIssued, and both subscribers idle
        String invoiceId = "inv-" + UUID.randomUUID();
        String event = invoiceIssued(invoiceId);
        Map<String, Integer> before = SettledRuns.of(suite, INVOICING, PAYMENTS);
        int invoicingBefore = before.get(INVOICING);
        int paymentsBefore = before.get(PAYMENTS);

        // when it is delivered to each queue, and delivered again once the first is recorded (at least once delivery)
        for (String queue : List.of("InvoicingQueue", "PaymentsQueue")) {
            sendWithEventType(queue, event);
        }
        Map<String, AttributeValue> view = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> item("InvoicesTable", invoiceId), item -> !item.isEmpty());
        Map<String, AttributeValue> intent = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> item("PaymentIntentsTable", invoiceId), item -> !item.isEmpty());
        for (String queue : List.of("InvoicingQueue", "PaymentsQueue")) {
            sendWithEventType(queue, event);
        }

        // then each function ran once per delivery, none failed (a failure would return), and the rows are unchanged
        Map<String, Integer> runs = SettledRuns.of(suite, INVOICING, PAYMENTS);
        assertThat(runs.get(INVOICING)).isEqualTo(invoicingBefore + 2);
        assertThat(runs.get(PAYMENTS)).isEqualTo(paymentsBefore + 2);
        assertThat(item("InvoicesTable", invoiceId)).isEqualTo(view);
        assertThat(item("PaymentIntentsTable", invoiceId)).isEqualTo(intent);
        assertThat(queueDepth("InvoicingQueue") + queueDepth("PaymentsQueue")).isZero();
    }

    private static String invoiceIssued(String invoiceId) {
        return """
                {"invoiceId":"%s","orderId":"%s","customerId":"customer-0001","amountCents":1250,"currency":"EUR",
                 "issuedAt":"2026-11-03T10:15:31.207Z"}""".formatted(invoiceId, UUID.randomUUID());
    }

    /** Publishes on billing's topic in its contract, as billing does. */
    private void publish(String eventType, String event) {
        sns.publish(publish -> publish.topicArn(suite.stack().ref("BillingNotificationsTopic"))
                .message(event)
                .messageAttributes(Map.of("eventType", snsText(eventType))));
    }

    private static software.amazon.awssdk.services.sns.model.MessageAttributeValue snsText(String value) {
        return software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    private void sendWithEventType(String queue, String event) {
        sqs.sendMessage(send -> send.queueUrl(suite.stack().ref(queue))
                .messageBody(event)
                .messageAttributes(Map.of("eventType", text("InvoiceIssued"))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    private Map<String, AttributeValue> item(String table, String invoiceId) {
        return dynamo.getItem(get -> get.tableName(suite.stack().ref(table))
                        .key(Map.of("invoiceId", AttributeValue.fromS(invoiceId)))
                        .consistentRead(true))
                .item();
    }

    /** Takes the dead letters with this body off the queue; others reappear after their timeout. */
    private List<Message> deadLettersWithBody(String queue, String body) {
        String queueUrl = suite.stack().ref(queue);
        List<Message> found = new ArrayList<>();
        for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages()) {
            if (message.body().equals(body)) {
                found.add(message);
                sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return found;
    }

    private int queueDepth(String queue) {
        return Integer.parseInt(queueAttribute(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(
                        queueAttribute(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private String queueAttribute(String queue, QueueAttributeName attribute) {
        return sqs.getQueueAttributes(
                        get -> get.queueUrl(suite.stack().ref(queue)).attributeNames(attribute))
                .attributes()
                .get(attribute);
    }

    private void setVisibilityTimeout(String queueUrl, String seconds) {
        sqs.setQueueAttributes(
                set -> set.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, seconds)));
    }
}
