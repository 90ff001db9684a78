package dev.serverlesspatterns.payments.intent;

import static dev.serverlesspatterns.events.billing.BillingNotifications.EVENT_TYPE;
import static dev.serverlesspatterns.events.billing.BillingNotifications.INVOICE_ISSUED;
import static dev.serverlesspatterns.events.billing.BillingNotifications.PAYMENT_FAILED;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.billing.InvoiceIssued;
import dev.serverlesspatterns.events.billing.PaymentFailed;
import dev.serverlesspatterns.platform.messaging.EventMessageReader;
import dev.serverlesspatterns.platform.messaging.SqsBatch;
import dev.serverlesspatterns.platform.messaging.UnreadableMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies every billing notification in a batch from the payments queue: {@code InvoiceIssued} opens the invoice's
 * payment intent, {@code PaymentFailed} marks it failed, each at most once. A message that cannot be read or applied
 * is reported as a batch item failure, so only it returns to the queue and, after {@code maxReceiveCount} receives,
 * goes to the DLQ with its body unchanged. A {@code PaymentFailed} that overtakes its {@code InvoiceIssued} (a
 * standard topic and queue keep no order) finds no intent and is retried the same way. An invoice of an order that
 * was cancelled before it arrived (see {@link CancelPaymentIntent}) opens its intent already CANCELLED.
 */
@Component("recordPaymentIntent")
class RecordPaymentIntent implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(RecordPaymentIntent.class);

    private final EventMessageReader reader;
    private final PaymentOrderTable orders;
    private final PaymentIntentTable intents;
    private final Clock clock;

    RecordPaymentIntent(EventMessageReader reader, PaymentOrderTable orders, PaymentIntentTable intents, Clock clock) {
        this.reader = reader;
        this.orders = orders;
        this.intents = intents;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.eachMessage(event, log, this::applyNotification);
    }

    private void applyNotification(SQSMessage message) {
        String type = reader.typeOf(message, EVENT_TYPE);
        if (INVOICE_ISSUED.equals(type)) {
            open(reader.readBody(message, Schema.INVOICE_ISSUED, InvoiceIssued.class));
        } else if (PAYMENT_FAILED.equals(type)) {
            fail(reader.readBody(message, Schema.PAYMENT_FAILED, PaymentFailed.class));
        } else {
            throw UnreadableMessage.unexpectedType(EVENT_TYPE, type, INVOICE_ISSUED, PAYMENT_FAILED);
        }
    }

    /**
     * Registers the invoice with its order first, then opens the intent with the order's state at that moment. A
     * cancellation recorded after the registration but before the intent existed found nothing to cancel, so the
     * order is read again afterwards and the intent cancelled here. The same catch-up completes a redelivery after a
     * crash between the writes; every step is idempotent.
     */
    private void open(InvoiceIssued issued) {
        PaymentOrder order = orders.registerInvoice(issued.orderId(), issued.invoiceId());
        PaymentIntent intent = PaymentIntent.of(issued, clock.instant(), order.cancelledAt());
        if (intents.openOnce(intent)) {
            log.info(
                    "Opened the payment intent of invoice {} {}",
                    issued.invoiceId(),
                    intent.cancelled() ? "CANCELLED: its order was cancelled before" : "PENDING");
            if (intent.cancelled()) {
                return;
            }
        } else {
            log.info("The payment intent of invoice {} was opened before", issued.invoiceId());
        }
        Optional<Instant> cancelledAt = order.cancelledAt().or(() -> orders.cancelledAt(issued.orderId()));
        cancelledAt.ifPresent(at -> {
            if (intents.cancel(issued.invoiceId(), at) == PaymentIntentTable.Cancelling.CANCELLED) {
                log.info(
                        "Cancelled the payment intent of invoice {}: order {} was cancelled meanwhile",
                        issued.invoiceId(),
                        issued.orderId());
            }
        });
    }

    private void fail(PaymentFailed failed) {
        switch (intents.markFailed(failed)) {
            case MARKED ->
                log.info("Marked the payment intent of invoice {} failed: {}", failed.invoiceId(), failed.reason());
            case ALREADY_FAILED ->
                log.info(
                        "The payment intent of invoice {} was marked failed before; nothing changes",
                        failed.invoiceId());
            case CANCELLED ->
                log.info(
                        "The payment intent of invoice {} was cancelled with its order; it stays cancelled",
                        failed.invoiceId());
            case NO_INTENT -> throw new NoPaymentIntentYet(failed.invoiceId());
        }
    }
}
