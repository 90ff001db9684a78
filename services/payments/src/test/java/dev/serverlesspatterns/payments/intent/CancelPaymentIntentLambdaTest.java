package dev.serverlesspatterns.payments.intent;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.event;
import static dev.serverlesspatterns.local.testing.SqsEvents.failedIds;
import static dev.serverlesspatterns.local.testing.SqsEvents.redelivered;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;
import static dev.serverlesspatterns.local.testing.SqsEvents.withoutAttribute;
import static dev.serverlesspatterns.payments.intent.PaymentMessages.CANCEL_PAYMENT_INTENT;
import static dev.serverlesspatterns.payments.intent.PaymentMessages.RECORD_PAYMENT_INTENT;
import static dev.serverlesspatterns.payments.intent.PaymentMessages.newMessage;
import static dev.serverlesspatterns.payments.intent.PaymentMessages.orderCancelledOf;
import static dev.serverlesspatterns.payments.intent.PaymentMessages.paymentFailedAfter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.HashMap;
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

/**
 * The payments order-activity consumer through SCF's FunctionInvoker, fed the SQS events Lambda's event source mapping
 * delivers from the payments order-activity queue; the invoices come through the billing consumer the same way.
 */
@ExtendWith(LocalAwsExtension.class)
class CancelPaymentIntentLambdaTest {

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
    void cancelsThePendingPaymentIntentOfACancelledOrder(LambdaHarness lambda) {
        // given an open intent
        ObjectNode issued = newMessage();
        String invoiceId = invoiceIdOf(issued);
        lambda.invoke(RECORD_PAYMENT_INTENT, event(issued));
        Map<String, AttributeValue> pending = table.intent(invoiceId);
        ObjectNode cancelled = orderCancelledOf(issued);

        // when its order is cancelled
        String output = lambda.invoke(CANCEL_PAYMENT_INTENT, event(cancelled));

        // then the intent is cancelled at the order's cancellation time, and nothing else about it changes
        assertThat(failedIds(output)).isEmpty();
        Map<String, AttributeValue> intent = table.intent(invoiceId);
        assertThat(intent.get("status").s()).isEqualTo("CANCELLED");
        assertThat(intent.get("cancelledAt").s()).isEqualTo("2026-11-03T10:20:12.345Z");
        Map<String, AttributeValue> rest = new HashMap<>(intent);
        rest.remove("cancelledAt");
        rest.put("status", AttributeValue.fromS("PENDING"));
        assertThat(rest).isEqualTo(pending);
    }

    @Test
    void aRedeliveredCancellationChangesNothingAndIsNotReported(LambdaHarness lambda) {
        // given an intent cancelled once
        ObjectNode issued = newMessage();
        lambda.invoke(RECORD_PAYMENT_INTENT, event(issued));
        ObjectNode cancelled = orderCancelledOf(issued);
        lambda.invoke(CANCEL_PAYMENT_INTENT, event(cancelled));
        Map<String, AttributeValue> intent = table.intent(invoiceIdOf(issued));
        Map<String, AttributeValue> order = table.order(orderIdOf(issued));

        // when SQS delivers the cancellation again
        String output = lambda.invoke(CANCEL_PAYMENT_INTENT, event(redelivered(cancelled)));

        // then
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.intent(invoiceIdOf(issued))).isEqualTo(intent);
        assertThat(table.order(orderIdOf(issued))).isEqualTo(order);
    }

    @Test
    void aCancellationBeforeTheInvoiceIsKeptAndTheInvoiceOpensItsIntentCancelled(LambdaHarness lambda) {
        // given an order whose InvoiceIssued has not arrived
        ObjectNode issued = newMessage();
        ObjectNode cancelled = orderCancelledOf(issued);

        // when its cancellation arrives first
        String output = lambda.invoke(CANCEL_PAYMENT_INTENT, event(cancelled));

        // then it is applied, not reported: there is no intent, but the order keeps the cancellation
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.intent(invoiceIdOf(issued))).isEmpty();
        assertThat(table.order(orderIdOf(issued)))
                .containsEntry("cancelledAt", AttributeValue.fromS("2026-11-03T10:20:12.345Z"));

        // when the invoice arrives
        String opened = lambda.invoke(RECORD_PAYMENT_INTENT, event(issued));

        // then its intent opens already cancelled
        assertThat(failedIds(opened)).isEmpty();
        Map<String, AttributeValue> intent = table.intent(invoiceIdOf(issued));
        assertThat(intent)
                .containsOnlyKeys(
                        "invoiceId",
                        "orderId",
                        "customerId",
                        "amountCents",
                        "currency",
                        "status",
                        "createdAt",
                        "cancelledAt");
        assertThat(intent.get("status").s()).isEqualTo("CANCELLED");
        assertThat(intent.get("cancelledAt").s()).isEqualTo("2026-11-03T10:20:12.345Z");

        // when the invoice is delivered again
        String repeated = lambda.invoke(RECORD_PAYMENT_INTENT, event(redelivered(issued)));

        // then nothing changes
        assertThat(failedIds(repeated)).isEmpty();
        assertThat(table.intent(invoiceIdOf(issued))).isEqualTo(intent);
    }

    @Test
    void aCancellationThatFindsTheInvoiceButNoIntentYetIsNotLost(LambdaHarness lambda) {
        // given an invoice registered with its order whose intent is not written yet
        ObjectNode issued = newMessage();
        table.registerInvoiceWithoutIntent(orderIdOf(issued), invoiceIdOf(issued));
        ObjectNode cancelled = orderCancelledOf(issued);

        // when the cancellation arrives in between
        String output = lambda.invoke(CANCEL_PAYMENT_INTENT, event(cancelled));

        // then it finds no intent to cancel and is not reported
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.intent(invoiceIdOf(issued))).isEmpty();

        // when the invoice's delivery writes the intent (a redelivery after it stopped)
        String opened = lambda.invoke(RECORD_PAYMENT_INTENT, event(redelivered(issued)));

        // then the intent is cancelled
        assertThat(failedIds(opened)).isEmpty();
        assertThat(table.intent(invoiceIdOf(issued)).get("status").s()).isEqualTo("CANCELLED");
    }

    @Test
    void aFailedPaymentStaysFailedWhenItsOrderIsCancelled(LambdaHarness lambda) {
        // given an intent whose payment failed
        ObjectNode issued = newMessage();
        lambda.invoke(RECORD_PAYMENT_INTENT, event(issued));
        lambda.invoke(RECORD_PAYMENT_INTENT, event(paymentFailedAfter(issued, "card declined")));
        Map<String, AttributeValue> failed = table.intent(invoiceIdOf(issued));

        // when its order is cancelled
        String output = lambda.invoke(CANCEL_PAYMENT_INTENT, event(orderCancelledOf(issued)));

        // then the intent keeps its outcome, and the cancellation is not reported
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.intent(invoiceIdOf(issued))).isEqualTo(failed);
    }

    @Test
    void aPaymentFailedAfterTheCancellationLeavesTheIntentCancelled(LambdaHarness lambda) {
        // given a cancelled intent
        ObjectNode issued = newMessage();
        lambda.invoke(RECORD_PAYMENT_INTENT, event(issued));
        lambda.invoke(CANCEL_PAYMENT_INTENT, event(orderCancelledOf(issued)));
        Map<String, AttributeValue> cancelled = table.intent(invoiceIdOf(issued));

        // when a PaymentFailed of its invoice arrives late
        String output = lambda.invoke(RECORD_PAYMENT_INTENT, event(paymentFailedAfter(issued, "card declined")));

        // then the intent is never un-cancelled, and the message is not reported
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.intent(invoiceIdOf(issued))).isEqualTo(cancelled);
    }

    @Test
    void aBatchWithOneBadRecordReportsExactlyThatRecord(LambdaHarness lambda) {
        // given three open intents, and a batch of their cancellations whose middle one breaks the schema
        ObjectNode issued1 = newMessage();
        ObjectNode issued2 = newMessage();
        ObjectNode issued3 = newMessage();
        lambda.invoke(RECORD_PAYMENT_INTENT, event(issued1, issued2, issued3));
        ObjectNode spoiled = body(orderCancelledOf(issued2));
        spoiled.remove("cancelledAt");
        ObjectNode bad = withBody(orderCancelledOf(issued2), spoiled.toString());

        // when they arrive in one batch
        String output =
                lambda.invoke(CANCEL_PAYMENT_INTENT, event(orderCancelledOf(issued1), bad, orderCancelledOf(issued3)));

        // then only the bad one comes back; the good ones are applied
        assertThat(failedIds(output)).containsExactly(bad.get("messageId").asString());
        assertThat(table.intent(invoiceIdOf(issued1)).get("status").s()).isEqualTo("CANCELLED");
        assertThat(table.intent(invoiceIdOf(issued2)).get("status").s()).isEqualTo("PENDING");
        assertThat(table.intent(invoiceIdOf(issued3)).get("status").s()).isEqualTo("CANCELLED");
    }

    static Stream<Arguments> unreadableMessages() {
        return Stream.of(
                unreadable("body not JSON", message -> withBody(message, "<cancelled/>")),
                unreadable("OrderCancelled without cancelledAt", message -> {
                    ObjectNode cancelled = body(message);
                    cancelled.remove("cancelledAt");
                    return withBody(message, cancelled.toString());
                }),
                unreadable("cancelledAt not a date-time", message -> {
                    ObjectNode cancelled = body(message);
                    cancelled.put("cancelledAt", "yesterday");
                    return withBody(message, cancelled.toString());
                }),
                unreadable("OrderCancelled with a field the contract lacks", message -> {
                    ObjectNode cancelled = body(message);
                    cancelled.put("reason", "changed my mind");
                    return withBody(message, cancelled.toString());
                }),
                unreadable(
                        "eventType another order event", message -> withAttribute(message, "eventType", "OrderPlaced")),
                unreadable("no eventType", message -> withoutAttribute(message, "eventType")));
    }

    private static Arguments unreadable(String name, UnaryOperator<ObjectNode> spoil) {
        return Arguments.of(name, spoil);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableMessages")
    void anUnreadableMessageIsReportedAndNothingIsWritten(
            String name, UnaryOperator<ObjectNode> spoil, LambdaHarness lambda) {
        // given an open intent, and a spoiled cancellation of its order
        ObjectNode issued = newMessage();
        lambda.invoke(RECORD_PAYMENT_INTENT, event(issued));
        Map<String, AttributeValue> intent = table.intent(invoiceIdOf(issued));
        Map<String, AttributeValue> order = table.order(orderIdOf(issued));
        ObjectNode spoiled = spoil.apply(orderCancelledOf(issued));

        // when
        String output = lambda.invoke(CANCEL_PAYMENT_INTENT, event(spoiled));

        // then
        assertThat(failedIds(output)).containsExactly(spoiled.get("messageId").asString());
        assertThat(table.intent(invoiceIdOf(issued))).isEqualTo(intent);
        assertThat(table.order(orderIdOf(issued))).isEqualTo(order);
    }

    private static String invoiceIdOf(ObjectNode issued) {
        return body(issued).get("invoiceId").asString();
    }

    private static String orderIdOf(ObjectNode issued) {
        return body(issued).get("orderId").asString();
    }
}
