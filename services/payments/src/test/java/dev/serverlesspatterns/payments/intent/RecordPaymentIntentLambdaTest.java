package dev.serverlesspatterns.payments.intent;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.event;
import static dev.serverlesspatterns.local.testing.SqsEvents.failedIds;
import static dev.serverlesspatterns.local.testing.SqsEvents.redelivered;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;
import static dev.serverlesspatterns.local.testing.SqsEvents.withoutAttribute;
import static dev.serverlesspatterns.payments.intent.PaymentMessages.RECORD_PAYMENT_INTENT;
import static dev.serverlesspatterns.payments.intent.PaymentMessages.newMessage;
import static dev.serverlesspatterns.payments.intent.PaymentMessages.paymentFailedAfter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.time.Instant;
import java.util.List;
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

/** The payments consumer through SCF's FunctionInvoker, fed the SQS events Lambda's event source mapping delivers. */
@ExtendWith(LocalAwsExtension.class)
class RecordPaymentIntentLambdaTest {

    private PaymentTablesProbe table;

    @BeforeEach
    void openTable(ProvisionedStack stack) {
        table = new PaymentTablesProbe(stack);
    }

    @AfterEach
    void closeTable() {
        table.close();
    }

    @Test
    void opensAPendingPaymentIntentForAnIssuedInvoice(LambdaHarness lambda) {
        // given
        ObjectNode message = newMessage();
        ObjectNode issued = body(message);
        Instant before = Instant.now();

        // when
        String output = lambda.invoke(RECORD_PAYMENT_INTENT, event(message));

        // then
        assertThat(failedIds(output)).isEmpty();
        Map<String, AttributeValue> intent =
                table.intent(issued.get("invoiceId").asString());
        assertThat(intent)
                .containsOnlyKeys(
                        "invoiceId", "orderId", "customerId", "amountCents", "currency", "status", "createdAt");
        assertThat(intent.get("status").s()).isEqualTo("PENDING");
        assertThat(intent.get("orderId").s()).isEqualTo(issued.get("orderId").asString());
        assertThat(intent.get("customerId").s())
                .isEqualTo(issued.get("customerId").asString());
        assertThat(intent.get("amountCents").n()).isEqualTo("3399");
        assertThat(intent.get("currency").s()).isEqualTo("EUR");
        assertThat(Instant.parse(intent.get("createdAt").s())).isBetween(before.minusMillis(1), Instant.now());
        // the order knows its invoice, so a later OrderCancelled finds the intent
        assertThat(table.order(issued.get("orderId").asString()))
                .containsEntry(
                        "invoiceIds",
                        AttributeValue.fromSs(List.of(issued.get("invoiceId").asString())));
    }

    @Test
    void aDuplicateInvoiceIssuedChangesNothingAndIsNotReported(LambdaHarness lambda) {
        // given an intent opened once
        ObjectNode message = newMessage();
        String invoiceId = body(message).get("invoiceId").asString();
        lambda.invoke(RECORD_PAYMENT_INTENT, event(message));
        Map<String, AttributeValue> first = table.intent(invoiceId);

        // when SQS delivers the event again
        String output = lambda.invoke(RECORD_PAYMENT_INTENT, event(redelivered(message)));

        // then
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.intent(invoiceId)).isEqualTo(first);
    }

    @Test
    void paymentFailedMarksTheIntentFailedOnceAndARepeatChangesNothing(LambdaHarness lambda) {
        // given an open intent
        ObjectNode issued = newMessage();
        String invoiceId = body(issued).get("invoiceId").asString();
        lambda.invoke(RECORD_PAYMENT_INTENT, event(issued));
        ObjectNode failed = paymentFailedAfter(issued, "card declined");

        // when its PaymentFailed arrives
        String output = lambda.invoke(RECORD_PAYMENT_INTENT, event(failed));

        // then
        assertThat(failedIds(output)).isEmpty();
        Map<String, AttributeValue> intent = table.intent(invoiceId);
        assertThat(intent.get("status").s()).isEqualTo("FAILED");
        assertThat(intent.get("failureReason").s()).isEqualTo("card declined");
        assertThat(intent.get("failedAt").s()).isEqualTo("2026-11-03T10:16:02.118Z");

        // when it arrives again, even with another reason
        String repeated = lambda.invoke(RECORD_PAYMENT_INTENT, event(paymentFailedAfter(issued, "insufficient funds")));

        // then it changes nothing and is not reported
        assertThat(failedIds(repeated)).isEmpty();
        assertThat(table.intent(invoiceId)).isEqualTo(intent);
    }

    @Test
    void aPaymentFailedBeforeItsInvoiceIsReportedSoItComesBackLater(LambdaHarness lambda) {
        // given an invoice whose InvoiceIssued has not arrived
        ObjectNode issued = newMessage();
        ObjectNode failed = paymentFailedAfter(issued, "card declined");

        // when its PaymentFailed arrives first
        String output = lambda.invoke(RECORD_PAYMENT_INTENT, event(failed));

        // then it is reported and nothing is written
        assertThat(failedIds(output)).containsExactly(failed.get("messageId").asString());
        assertThat(table.intent(body(issued).get("invoiceId").asString())).isEmpty();
    }

    @Test
    void aBatchWithOneBadRecordReportsExactlyThatRecord(LambdaHarness lambda) {
        // given three messages, the middle one breaking the schema
        ObjectNode good1 = newMessage();
        ObjectNode spoiled = body(newMessage());
        spoiled.remove("currency");
        ObjectNode bad = withBody(newMessage(), spoiled.toString());
        ObjectNode good2 = newMessage();

        // when they arrive in one batch
        String output = lambda.invoke(RECORD_PAYMENT_INTENT, event(good1, bad, good2));

        // then only the bad one comes back; the good ones are applied
        assertThat(failedIds(output)).containsExactly(bad.get("messageId").asString());
        assertThat(table.intent(body(good1).get("invoiceId").asString())).isNotEmpty();
        assertThat(table.intent(body(good2).get("invoiceId").asString())).isNotEmpty();
        assertThat(table.intent(spoiled.get("invoiceId").asString())).isEmpty();
    }

    static Stream<Arguments> unreadableMessages() {
        return Stream.of(
                unreadable("body not JSON", message -> withBody(message, "<invoice/>")),
                unreadable("InvoiceIssued without amount", message -> {
                    ObjectNode issued = body(message);
                    issued.remove("amountCents");
                    return withBody(message, issued.toString());
                }),
                unreadable("PaymentFailed without reason", message -> {
                    ObjectNode failed = paymentFailedAfter(message, "card declined");
                    ObjectNode event = body(failed);
                    event.remove("reason");
                    return withBody(failed, event.toString());
                }),
                unreadable("unknown eventType", message -> withAttribute(message, "eventType", "InvoiceVoided")),
                unreadable("no eventType", message -> withoutAttribute(message, "eventType")));
    }

    private static Arguments unreadable(String name, UnaryOperator<ObjectNode> spoil) {
        return Arguments.of(name, spoil);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableMessages")
    void anUnreadableMessageIsReportedAndNothingIsWritten(
            String name, UnaryOperator<ObjectNode> spoil, LambdaHarness lambda) {
        // given
        ObjectNode message = newMessage();
        String invoiceId = body(message).get("invoiceId").asString();
        ObjectNode spoiled = spoil.apply(message);

        // when
        String output = lambda.invoke(RECORD_PAYMENT_INTENT, event(spoiled));

        // then
        assertThat(failedIds(output)).containsExactly(spoiled.get("messageId").asString());
        assertThat(table.intent(invoiceId)).isEmpty();
    }
}
