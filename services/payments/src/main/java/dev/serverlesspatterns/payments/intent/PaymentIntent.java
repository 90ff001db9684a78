package dev.serverlesspatterns.payments.intent;

import dev.serverlesspatterns.events.billing.InvoiceIssued;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The payment an issued invoice asks for, as {@link PaymentIntentTable} opens it: PENDING or, when its order was
 * cancelled before the invoice arrived, CANCELLED from the start.
 */
record PaymentIntent(
        String invoiceId,
        String orderId,
        String customerId,
        long amountCents,
        String currency,
        Instant createdAt,
        Optional<Instant> cancelledAt) {

    static PaymentIntent of(InvoiceIssued event, Instant now, Optional<Instant> orderCancelledAt) {
        return new PaymentIntent(
                event.invoiceId(),
                event.orderId(),
                event.customerId(),
                event.amountCents(),
                event.currency(),
                now.truncatedTo(ChronoUnit.MILLIS),
                orderCancelledAt);
    }

    boolean cancelled() {
        return cancelledAt.isPresent();
    }
}
