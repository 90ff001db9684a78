package dev.serverlesspatterns.billing.invoice;

import static dev.serverlesspatterns.billing.invoice.OrderActivityMessages.FUNCTION;
import static dev.serverlesspatterns.billing.invoice.OrderActivityMessages.orderIdOf;
import static dev.serverlesspatterns.billing.invoice.OrderActivityMessages.orderPlaced;
import static dev.serverlesspatterns.local.testing.SqsEvents.event;
import static dev.serverlesspatterns.local.testing.SqsEvents.failedIds;
import static dev.serverlesspatterns.local.testing.SqsEvents.redelivered;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.TopicTap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Billing's consumer through SCF's FunctionInvoker, fed the SQS events its order-activity queue delivers. */
@ExtendWith(LocalAwsExtension.class)
class IssueInvoiceLambdaTest {

    /** Long enough for a publish to reach the tap's queue; SNS to SQS in the emulator takes milliseconds. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BillingTableProbe table;
    private TopicTap topic;

    @BeforeEach
    void open(ProvisionedStack stack) {
        table = new BillingTableProbe(stack);
        topic = new TopicTap(stack, "BillingNotificationsTopic");
    }

    @AfterEach
    void close() {
        topic.close();
        table.close();
    }

    @Test
    void invoicesThePlacedOrderAndPublishesInvoiceIssuedOnceWithItsTypeAndId(LambdaHarness lambda) {
        // given
        ObjectNode message = orderPlaced();
        String orderId = orderIdOf(message);
        Instant before = Instant.now();

        // when
        String output = lambda.invoke(FUNCTION, event(message));

        // then the invoice is recorded
        assertThat(failedIds(output)).isEmpty();
        String invoiceId = Invoice.invoiceIdOf(orderId);
        Map<String, AttributeValue> item = table.invoiceOf(orderId);
        assertThat(item.get("invoiceId").s()).isEqualTo(invoiceId);
        assertThat(item.get("customerId").s()).isEqualTo("alice");
        assertThat(item.get("amountCents").n()).isEqualTo("3399");
        assertThat(item.get("currency").s()).isEqualTo("EUR");
        assertThat(item).containsKey("notifiedAt");

        // and the topic carried exactly one InvoiceIssued, in the contract's shape
        List<Message> published = topic.published(orderId, 2, QUIET);
        assertThat(published).hasSize(1);
        Message invoiceIssued = published.getFirst();
        assertThat(invoiceIssued.messageAttributes().get("eventType").stringValue())
                .isEqualTo("InvoiceIssued");
        assertThat(invoiceIssued.messageAttributes().get("eventId").stringValue())
                .isEqualTo("InvoiceIssued/" + invoiceId);
        JsonNode body = JSON.readTree(invoiceIssued.body());
        assertThat(body.propertyNames())
                .containsExactlyInAnyOrder("invoiceId", "orderId", "customerId", "amountCents", "currency", "issuedAt");
        assertThat(body.get("amountCents").asLong()).isEqualTo(3399);
        assertThat(Instant.parse(body.get("issuedAt").asString())).isBetween(before.minusMillis(1), Instant.now());
    }

    @Test
    void aRedeliveredMessageChangesNothingAndPublishesNothingMore(LambdaHarness lambda) {
        // given an order invoiced once
        ObjectNode message = orderPlaced();
        String orderId = orderIdOf(message);
        lambda.invoke(FUNCTION, event(message));
        Map<String, AttributeValue> recorded = table.invoiceOf(orderId);

        // when the same message is delivered again
        String output = lambda.invoke(FUNCTION, event(redelivered(message)));

        // then
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.invoiceOf(orderId)).isEqualTo(recorded);
        assertThat(topic.published(orderId, 2, QUIET)).hasSize(1);
    }

    @Test
    void anInvoiceWhosePublishFailedIsPublishedByTheRedelivery(LambdaHarness lambda) {
        // given an invoice that a first delivery wrote but could not publish
        ObjectNode message = orderPlaced();
        String orderId = orderIdOf(message);
        table.putUnnotified(Map.of(
                "invoiceId", AttributeValue.fromS(Invoice.invoiceIdOf(orderId)),
                "orderId", AttributeValue.fromS(orderId),
                "customerId", AttributeValue.fromS("alice"),
                "amountCents", AttributeValue.fromN("3399"),
                "currency", AttributeValue.fromS("EUR"),
                "issuedAt", AttributeValue.fromS("2026-11-03T10:15:30.412Z")));

        // when the message comes again
        String output = lambda.invoke(FUNCTION, event(redelivered(message)));

        // then the invoice is told now, once, as it was issued then
        assertThat(failedIds(output)).isEmpty();
        List<Message> published = topic.published(orderId, 2, QUIET);
        assertThat(published).hasSize(1);
        assertThat(JSON.readTree(published.getFirst().body()).get("issuedAt").asString())
                .isEqualTo("2026-11-03T10:15:30.412Z");
        assertThat(table.invoiceOf(orderId)).containsKey("notifiedAt");
    }

    @Test
    void reportsExactlyTheUnreadableMessagesAndInvoicesTheOthers(LambdaHarness lambda) {
        // given a batch: a good order, one breaking the schema, one of another event type, one with no date
        ObjectNode good = orderPlaced();
        ObjectNode broken = orderPlaced();
        String brokenOrderId = orderIdOf(broken);
        broken.put("body", broken.get("body").asString().replace("\"currency\":\"EUR\"", "\"currency\":\"euro\""));
        ObjectNode wrongType = orderPlaced();
        withAttribute(wrongType, "eventType", "OrderCancelled");
        ObjectNode noDate = orderPlaced();
        noDate.put("body", noDate.get("body").asString().replace("2026-11-26T10:00:00Z", "yesterday"));

        // when
        String output = lambda.invoke(FUNCTION, event(good, broken, wrongType, noDate));

        // then
        assertThat(failedIds(output))
                .containsExactlyInAnyOrder(
                        broken.get("messageId").asString(),
                        wrongType.get("messageId").asString(),
                        noDate.get("messageId").asString());
        assertThat(table.invoiceOf(orderIdOf(good))).isNotEmpty();
        assertThat(table.invoiceOf(brokenOrderId)).isEmpty();
        assertThat(table.invoiceOf(orderIdOf(wrongType))).isEmpty();
        assertThat(table.invoiceOf(orderIdOf(noDate))).isEmpty();
        assertThat(topic.published(brokenOrderId, 1, QUIET)).isEmpty();
    }
}
