package dev.serverlesspatterns.payments.intent;

import dev.serverlesspatterns.events.billing.InvoiceIssued;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The payment an issued invoice asks for, as {@link PaymentIntentTable} opens it (status PENDING). */
record PaymentIntent(
        String invoiceId, String orderId, String customerId, long amountCents, String currency, Instant createdAt) {

    static PaymentIntent of(InvoiceIssued event, Instant now) {
        return new PaymentIntent(
                event.invoiceId(),
                event.orderId(),
                event.customerId(),
                event.amountCents(),
                event.currency(),
                now.truncatedTo(ChronoUnit.MILLIS));
    }
}
