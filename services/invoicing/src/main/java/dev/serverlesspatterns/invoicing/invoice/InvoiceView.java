package dev.serverlesspatterns.invoicing.invoice;

import dev.serverlesspatterns.events.billing.InvoiceIssued;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The invoicing service's view of an issued invoice, as {@link InvoiceTable} records it. */
record InvoiceView(
        String invoiceId,
        String orderId,
        String customerId,
        long amountCents,
        String currency,
        Instant issuedAt,
        Instant recordedAt) {

    static InvoiceView of(InvoiceIssued event, Instant now) {
        return new InvoiceView(
                event.invoiceId(),
                event.orderId(),
                event.customerId(),
                event.amountCents(),
                event.currency(),
                event.issuedAt(),
                now.truncatedTo(ChronoUnit.MILLIS));
    }
}
