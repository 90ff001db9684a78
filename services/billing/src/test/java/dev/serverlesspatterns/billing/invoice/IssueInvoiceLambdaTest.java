package dev.serverlesspatterns.billing.invoice;

import static dev.serverlesspatterns.billing.invoice.InvoiceRequests.newRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
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

/** {@code POST /billing/invoices} through SCF's FunctionInvoker, with the API Gateway event Lambda delivers. */
@ExtendWith(LocalAwsExtension.class)
class IssueInvoiceLambdaTest {

    /** Long enough for a publish to reach the probe's queue; SNS to SQS in the emulator takes milliseconds. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BillingTableProbe table;
    private TopicProbe topic;

    @BeforeEach
    void open(ProvisionedStack stack) {
        table = new BillingTableProbe(stack);
        topic = new TopicProbe(stack);
    }

    @AfterEach
    void close() {
        topic.close();
        table.close();
    }

    @Test
    void issuesTheInvoiceAnswers201AndPublishesInvoiceIssuedOnceWithItsTypeAndId(LambdaHarness lambda) {
        // given
        InvoiceRequests request = newRequest();
        Instant before = Instant.now();

        // when
        InvoiceRequests.Response response = request.sendTo(lambda);

        // then the invoice is answered and recorded
        assertThat(response.statusCode()).as(response.body().toString()).isEqualTo(201);
        String invoiceId = response.body().get("invoiceId").asString();
        assertThat(invoiceId).isEqualTo(Invoice.invoiceIdOf(request.orderId()));
        assertThat(response.headers())
                .containsOnlyKeys("Content-Type", "Location")
                .containsEntry("Location", "/billing/invoices/" + invoiceId);
        assertThat(response.body().get("amountCents").asLong()).isEqualTo(3399);
        Map<String, AttributeValue> item = table.invoiceOf(request.orderId());
        assertThat(item.get("orderId").s()).isEqualTo(request.orderId());
        assertThat(item.get("customerId").s())
                .isEqualTo(request.body().get("customerId").asString());
        assertThat(item.get("amountCents").n()).isEqualTo("3399");
        assertThat(item.get("currency").s()).isEqualTo("EUR");
        assertThat(item).containsKey("notifiedAt");

        // and the topic carried exactly one InvoiceIssued, in the contract's shape
        List<Message> published = aboutOrder(topic.messagesWithin(QUIET), request.orderId());
        assertThat(published).hasSize(1);
        Message message = published.getFirst();
        assertThat(message.messageAttributes().get("eventType").stringValue()).isEqualTo("InvoiceIssued");
        assertThat(message.messageAttributes().get("eventId").stringValue()).isEqualTo("InvoiceIssued/" + invoiceId);
        JsonNode event = JSON.readTree(message.body());
        assertThat(event.propertyNames())
                .containsExactlyInAnyOrder("invoiceId", "orderId", "customerId", "amountCents", "currency", "issuedAt");
        assertThat(event.get("invoiceId").asString()).isEqualTo(invoiceId);
        assertThat(event.get("amountCents").asLong()).isEqualTo(3399);
        assertThat(Instant.parse(event.get("issuedAt").asString())).isBetween(before.minusMillis(1), Instant.now());
    }

    @Test
    void aRetriedRequestAnswersTheSameInvoiceAndPublishesNothingMore(LambdaHarness lambda) {
        // given an order invoiced once
        InvoiceRequests request = newRequest();
        InvoiceRequests.Response first = request.sendTo(lambda);
        Map<String, AttributeValue> recorded = table.invoiceOf(request.orderId());

        // when the same request comes again
        InvoiceRequests.Response retried = request.sendTo(lambda);

        // then it gets the same invoice, marked as a replay, and the topic carried one event in all
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(table.invoiceOf(request.orderId())).isEqualTo(recorded);
        assertThat(aboutOrder(topic.messagesWithin(QUIET), request.orderId())).hasSize(1);
    }

    @Test
    void theSameOrderWithOtherTermsIsAConflictAndChangesNothing(LambdaHarness lambda) {
        // given an order invoiced once
        InvoiceRequests request = newRequest();
        request.sendTo(lambda);
        Map<String, AttributeValue> recorded = table.invoiceOf(request.orderId());

        // when the order is sent again with another amount
        request.body().put("amountCents", 1);
        InvoiceRequests.Response response = request.sendTo(lambda);

        // then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body().get("code").asString()).isEqualTo("ORDER_ALREADY_INVOICED");
        assertThat(table.invoiceOf(request.orderId())).isEqualTo(recorded);
        assertThat(aboutOrder(topic.messagesWithin(QUIET), request.orderId())).hasSize(1);
    }

    @Test
    void anInvoiceWhosePublishFailedIsPublishedByTheRetry(LambdaHarness lambda) {
        // given an invoice that a first attempt wrote but could not publish
        InvoiceRequests request = newRequest();
        String invoiceId = Invoice.invoiceIdOf(request.orderId());
        table.putUnnotified(Map.of(
                "invoiceId", AttributeValue.fromS(invoiceId),
                "orderId", AttributeValue.fromS(request.orderId()),
                "customerId",
                        AttributeValue.fromS(request.body().get("customerId").asString()),
                "amountCents", AttributeValue.fromN("3399"),
                "currency", AttributeValue.fromS("EUR"),
                "issuedAt", AttributeValue.fromS("2026-11-03T10:15:30.412Z")));

        // when the client retries
        InvoiceRequests.Response response = request.sendTo(lambda);

        // then the invoice is told now, once, as it was issued then
        assertThat(response.statusCode()).isEqualTo(201);
        List<Message> published = aboutOrder(topic.messagesWithin(QUIET), request.orderId());
        assertThat(published).hasSize(1);
        assertThat(JSON.readTree(published.getFirst().body()).get("issuedAt").asString())
                .isEqualTo("2026-11-03T10:15:30.412Z");
        assertThat(table.invoiceOf(request.orderId())).containsKey("notifiedAt");
    }

    @Test
    void aCallerWithoutTheBillingScopeIsRefusedAndNothingIsWrittenOrPublished(LambdaHarness lambda) {
        // given
        InvoiceRequests request = newRequest().scopes("orders:read orders:write");

        // when
        InvoiceRequests.Response response = request.sendTo(lambda);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(table.invoiceOf(request.orderId())).isEmpty();
        assertThat(aboutOrder(topic.messagesWithin(QUIET), request.orderId())).isEmpty();
    }

    @Test
    void anInvalidBodyIsRefusedPerFieldAndNothingIsWrittenOrPublished(LambdaHarness lambda) {
        // given
        InvoiceRequests request = newRequest();
        request.body().put("amountCents", -5);
        request.body().put("currency", "euro");

        // when
        InvoiceRequests.Response response = request.sendTo(lambda);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body().get("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/amountCents", "/currency");
        assertThat(table.invoiceOf(request.orderId())).isEmpty();
        assertThat(aboutOrder(topic.messagesWithin(QUIET), request.orderId())).isEmpty();
    }

    private static List<Message> aboutOrder(List<Message> messages, String orderId) {
        return messages.stream()
                .filter(message ->
                        JSON.readTree(message.body()).path("orderId").asString().equals(orderId))
                .toList();
    }
}
