package dev.serverlesspatterns.payments.intent;

import static dev.serverlesspatterns.events.audit.OrderActivity.EVENT_TYPE;
import static dev.serverlesspatterns.events.orders.OrderEvents.ORDER_CANCELLED;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.OrderCancelled;
import dev.serverlesspatterns.platform.messaging.EventMessageReader;
import dev.serverlesspatterns.platform.messaging.SqsBatch;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies every {@code OrderCancelled} in a batch from the payments order-activity queue (the audit service's
 * Distributed Trigger): the order is marked cancelled and each PENDING payment intent of its invoices becomes
 * CANCELLED. A FAILED intent keeps its outcome, a CANCELLED one its first cancellation. A cancellation that arrives
 * before the order's invoice is not lost: it stays on the order (see {@link PaymentOrderTable}) and the invoice's
 * intent opens already CANCELLED. A redelivery changes nothing. A message that cannot be read or applied is reported
 * as a batch item failure, so only it returns to the queue and, after {@code maxReceiveCount} receives, goes to the
 * DLQ with its body unchanged.
 */
@Component("cancelPaymentIntent")
class CancelPaymentIntent implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(CancelPaymentIntent.class);

    private final EventMessageReader reader;
    private final PaymentOrderTable orders;
    private final PaymentIntentTable intents;

    CancelPaymentIntent(EventMessageReader reader, PaymentOrderTable orders, PaymentIntentTable intents) {
        this.reader = reader;
        this.orders = orders;
        this.intents = intents;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.eachMessage(event, log, this::applyCancellation);
    }

    private void applyCancellation(SQSMessage message) {
        cancel(reader.read(message, EVENT_TYPE, ORDER_CANCELLED, Schema.ORDER_CANCELLED, OrderCancelled.class));
    }

    private void cancel(OrderCancelled cancelled) {
        PaymentOrder order = orders.recordCancellation(cancelled.orderId(), cancelled.cancelledAt());
        // A repeat keeps the first cancellation's time, so every intent of the order says the same.
        Instant cancelledAt = order.cancelledAt().orElseThrow();
        if (order.invoiceIds().isEmpty()) {
            log.info("Order {} is cancelled before any invoice; its invoices will open cancelled", cancelled.orderId());
        }
        for (String invoiceId : order.invoiceIds()) {
            switch (intents.cancel(invoiceId, cancelledAt)) {
                case CANCELLED ->
                    log.info("Cancelled the payment intent of invoice {} of order {}", invoiceId, cancelled.orderId());
                case ALREADY_CANCELLED ->
                    log.info("The payment intent of invoice {} was cancelled before; nothing changes", invoiceId);
                case ALREADY_FAILED ->
                    log.info(
                            "The payment of invoice {} failed before order {} was cancelled; the intent stays FAILED",
                            invoiceId,
                            cancelled.orderId());
                // Its InvoiceIssued registered the invoice and has not written the intent yet; it reads the
                // cancellation after writing and cancels the intent itself.
                case NO_INTENT -> log.info("Invoice {} has no payment intent yet; it opens cancelled", invoiceId);
            }
        }
    }
}
