package dev.serverlesspatterns.invoicing.invoice;

import static dev.serverlesspatterns.invoicing.invoice.InvoiceIssuedMessages.FUNCTION;
import static dev.serverlesspatterns.invoicing.invoice.InvoiceIssuedMessages.newMessage;
import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.event;
import static dev.serverlesspatterns.local.testing.SqsEvents.failedIds;
import static dev.serverlesspatterns.local.testing.SqsEvents.redelivered;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;
import static dev.serverlesspatterns.local.testing.SqsEvents.withoutAttribute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.node.ObjectNode;

/** The invoicing consumer through SCF's FunctionInvoker, fed the SQS events Lambda's event source mapping delivers. */
@ExtendWith(LocalAwsExtension.class)
class RecordInvoiceLambdaTest {

    private InvoicesTableProbe table;

    @BeforeEach
    void openTable(ProvisionedStack stack) {
        table = new InvoicesTableProbe(stack);
    }

    @AfterEach
    void closeTable() {
        table.close();
    }

    @Test
    void recordsTheInvoiceViewOfAnInvoiceIssued(LambdaHarness lambda) {
        // given
        ObjectNode message = newMessage();
        ObjectNode issued = body(message);
        Instant before = Instant.now();

        // when
        String output = lambda.invoke(FUNCTION, event(message));

        // then
        assertThat(failedIds(output)).isEmpty();
        Map<String, AttributeValue> view = table.invoice(issued.get("invoiceId").asString());
        assertThat(view)
                .containsOnlyKeys(
                        "invoiceId",
                        "orderId",
                        "customerId",
                        "amountCents",
                        "currency",
                        "status",
                        "issuedAt",
                        "recordedAt");
        assertThat(view.get("orderId").s()).isEqualTo(issued.get("orderId").asString());
        assertThat(view.get("customerId").s())
                .isEqualTo(issued.get("customerId").asString());
        assertThat(view.get("amountCents").n()).isEqualTo("3399");
        assertThat(view.get("currency").s()).isEqualTo("EUR");
        assertThat(view.get("status").s()).isEqualTo("ISSUED");
        assertThat(Instant.parse(view.get("issuedAt").s())).isEqualTo(Instant.parse("2026-11-03T10:15:31.207Z"));
        assertThat(Instant.parse(view.get("recordedAt").s())).isBetween(before.minusMillis(1), Instant.now());
    }

    @Test
    void aDuplicateDeliveryChangesNothingAndIsNotReported(LambdaHarness lambda) {
        // given an event recorded once
        ObjectNode message = newMessage();
        String invoiceId = body(message).get("invoiceId").asString();
        lambda.invoke(FUNCTION, event(message));
        Map<String, AttributeValue> first = table.invoice(invoiceId);

        // when SQS delivers it again
        String output = lambda.invoke(FUNCTION, event(redelivered(message)));

        // then
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.invoice(invoiceId)).isEqualTo(first);
    }

    @Test
    void aBatchWithOneBadRecordReportsExactlyThatRecord(LambdaHarness lambda) {
        // given three messages, the middle one not even JSON
        ObjectNode good1 = newMessage();
        ObjectNode bad = withBody(newMessage(), "{\"invoiceId\":");
        ObjectNode good2 = newMessage();

        // when they arrive in one batch
        String output = lambda.invoke(FUNCTION, event(good1, bad, good2));

        // then only the bad one comes back; the good ones are recorded
        assertThat(failedIds(output)).containsExactly(bad.get("messageId").asString());
        assertThat(table.invoice(body(good1).get("invoiceId").asString())).isNotEmpty();
        assertThat(table.invoice(body(good2).get("invoiceId").asString())).isNotEmpty();
    }

    static Stream<Arguments> unreadableMessages() {
        return Stream.of(
                unreadable("body not JSON", message -> withBody(message, "not json")),
                unreadable("body missing invoiceId", message -> {
                    ObjectNode issued = body(message);
                    issued.remove("invoiceId");
                    return withBody(message, issued.toString());
                }),
                unreadable("negative amount", message -> {
                    ObjectNode issued = body(message);
                    issued.put("amountCents", -1);
                    return withBody(message, issued.toString());
                }),
                unreadable("unknown field", message -> {
                    ObjectNode issued = body(message);
                    issued.put("discount", 5);
                    return withBody(message, issued.toString());
                }),
                unreadable("eventType PaymentFailed", message -> withAttribute(message, "eventType", "PaymentFailed")),
                unreadable("no eventType", message -> withoutAttribute(message, "eventType")));
    }

    private static Arguments unreadable(String name, UnaryOperator<ObjectNode> spoil) {
        return Arguments.of(name, spoil);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableMessages")
    void anUnreadableMessageIsReportedAndNothingIsRecorded(
            String name, UnaryOperator<ObjectNode> spoil, LambdaHarness lambda) {
        // given
        ObjectNode message = newMessage();
        String invoiceId = body(message).get("invoiceId").asString();
        ObjectNode spoiled = spoil.apply(message);

        // when
        String output = lambda.invoke(FUNCTION, event(spoiled));

        // then
        assertThat(failedIds(output)).containsExactly(spoiled.get("messageId").asString());
        assertThat(table.invoice(invoiceId)).isEmpty();
    }
}
