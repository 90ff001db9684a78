package dev.serverlesspatterns.notifications.cancellation;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.event;
import static dev.serverlesspatterns.local.testing.SqsEvents.failedIds;
import static dev.serverlesspatterns.local.testing.SqsEvents.redelivered;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;
import static dev.serverlesspatterns.local.testing.SqsEvents.withoutAttribute;
import static dev.serverlesspatterns.notifications.cancellation.OrderActivityMessages.FUNCTION;
import static dev.serverlesspatterns.notifications.cancellation.OrderActivityMessages.newMessage;
import static dev.serverlesspatterns.notifications.cancellation.OrderActivityMessages.orderIdOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.notifications.NotificationsTableProbe;
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

/**
 * The cancellation-notice consumer through SCF's FunctionInvoker, fed the SQS events Lambda's event source mapping
 * delivers from the notifications order-activity queue.
 */
@ExtendWith(LocalAwsExtension.class)
class SendCancellationNoticeLambdaTest {

    private NotificationsTableProbe table;

    @BeforeEach
    void openTable(ProvisionedStack stack) {
        table = new NotificationsTableProbe(stack);
    }

    @AfterEach
    void closeTable() {
        table.close();
    }

    @Test
    void recordsTheCancellationNoticeAsSentByEmailToTheCustomer(LambdaHarness lambda) {
        // given
        ObjectNode message = newMessage();
        ObjectNode cancelled = body(message);
        Instant before = Instant.now();

        // when
        String output = lambda.invoke(FUNCTION, event(message));

        // then
        assertThat(failedIds(output)).isEmpty();
        Map<String, AttributeValue> notice = table.cancellationNoticeOf(orderIdOf(message));
        assertThat(notice)
                .containsOnlyKeys("orderId", "kind", "status", "channel", "recipient", "cancelledAt", "sentAt");
        assertThat(notice.get("status").s()).isEqualTo("SENT");
        assertThat(notice.get("channel").s()).isEqualTo("EMAIL");
        assertThat(notice.get("recipient").s())
                .isEqualTo(cancelled.get("customerId").asString());
        assertThat(notice.get("cancelledAt").s()).isEqualTo("2026-11-03T10:20:12.345Z");
        assertThat(Instant.parse(notice.get("sentAt").s())).isBetween(before.minusMillis(1), Instant.now());
    }

    @Test
    void aRedeliveredCancellationSendsNothingMoreAndIsNotReported(LambdaHarness lambda) {
        // given a notice sent once
        ObjectNode message = newMessage();
        lambda.invoke(FUNCTION, event(message));
        Map<String, AttributeValue> first = table.cancellationNoticeOf(orderIdOf(message));

        // when SQS delivers the cancellation again
        String output = lambda.invoke(FUNCTION, event(redelivered(message)));

        // then
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.cancellationNoticeOf(orderIdOf(message)))
                .as("not written again")
                .isEqualTo(first);
    }

    @Test
    void twoDeliveriesInOneBatchSendOneNotice(LambdaHarness lambda) {
        // given the same cancellation twice, as SQS may hand over a message and its duplicate together
        ObjectNode message = newMessage();

        // when
        String output = lambda.invoke(FUNCTION, event(message, redelivered(message)));

        // then
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.cancellationNoticeOf(orderIdOf(message)))
                .containsEntry("status", AttributeValue.fromS("SENT"));
    }

    @Test
    void theNoticeIsRecordedBesideTheOrdersConfirmation(LambdaHarness lambda) {
        // given an order whose confirmation was sent: an OrderConfirmationRequested of the cancelled order
        ObjectNode message = newMessage();
        ObjectNode request = body(message);
        request.remove("cancelledAt");
        request.put("totalCents", 3399);
        request.put("currency", "EUR");
        request.put("placedAt", "2026-11-03T10:15:30.412Z");
        lambda.invoke("SendOrderConfirmationFunction", request.toString());
        Map<String, AttributeValue> confirmation = table.confirmationOf(orderIdOf(message));

        // when the order is cancelled
        String output = lambda.invoke(FUNCTION, event(message));

        // then the order has both notifications, and the confirmation is untouched
        assertThat(failedIds(output)).isEmpty();
        assertThat(table.cancellationNoticeOf(orderIdOf(message))).isNotEmpty();
        assertThat(table.confirmationOf(orderIdOf(message))).isNotEmpty().isEqualTo(confirmation);
    }

    @Test
    void aBatchWithOneBadRecordReportsExactlyThatRecord(LambdaHarness lambda) {
        // given three messages, the middle one breaking the schema
        ObjectNode good1 = newMessage();
        ObjectNode spoiled = body(newMessage());
        spoiled.remove("customerId");
        ObjectNode bad = withBody(newMessage(), spoiled.toString());
        ObjectNode good2 = newMessage();

        // when they arrive in one batch
        String output = lambda.invoke(FUNCTION, event(good1, bad, good2));

        // then only the bad one comes back; the good ones are sent
        assertThat(failedIds(output)).containsExactly(bad.get("messageId").asString());
        assertThat(table.cancellationNoticeOf(orderIdOf(good1))).isNotEmpty();
        assertThat(table.cancellationNoticeOf(orderIdOf(good2))).isNotEmpty();
        assertThat(table.cancellationNoticeOf(spoiled.get("orderId").asString()))
                .isEmpty();
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
                unreadable(
                        "eventType another order event", message -> withAttribute(message, "eventType", "OrderPlaced")),
                unreadable("no eventType", message -> withoutAttribute(message, "eventType")));
    }

    private static Arguments unreadable(String name, UnaryOperator<ObjectNode> spoil) {
        return Arguments.of(name, spoil);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableMessages")
    void anUnreadableMessageIsReportedAndNothingIsSent(
            String name, UnaryOperator<ObjectNode> spoil, LambdaHarness lambda) {
        // given
        ObjectNode message = newMessage();
        String orderId = orderIdOf(message);
        ObjectNode spoiled = spoil.apply(message);

        // when
        String output = lambda.invoke(FUNCTION, event(spoiled));

        // then
        assertThat(failedIds(output)).containsExactly(spoiled.get("messageId").asString());
        assertThat(table.cancellationNoticeOf(orderId)).isEmpty();
    }
}
