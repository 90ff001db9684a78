package dev.serverlesspatterns.billing.invoice;

import dev.serverlesspatterns.events.billing.InvoiceIssued;
import dev.serverlesspatterns.events.billing.IssueInvoiceRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An issued invoice, as {@link BillingTable} records it.
 *
 * @param notifiedAt when {@code InvoiceIssued} was published, null until then
 */
record Invoice(
        String invoiceId,
        String orderId,
        String customerId,
        long amountCents,
        String currency,
        Instant issuedAt,
        Instant notifiedAt) {

    /** The invoice of an order; its id follows from the order, so one order never gets two invoices. */
    static Invoice issue(IssueInvoiceRequest request, Instant now) {
        return new Invoice(
                invoiceIdOf(request.orderId()),
                request.orderId(),
                request.customerId(),
                request.amountCents(),
                request.currency(),
                now.truncatedTo(ChronoUnit.MILLIS),
                null);
    }

    static String invoiceIdOf(String orderId) {
        return "inv-" + UUID.nameUUIDFromBytes(("invoice/" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a repeated request asks for this same invoice, rather than different terms for the same order. */
    boolean sameTermsAs(IssueInvoiceRequest request) {
        return customerId.equals(request.customerId())
                && amountCents == request.amountCents()
                && currency.equals(request.currency());
    }

    boolean notified() {
        return notifiedAt != null;
    }

    InvoiceIssued issued() {
        return new InvoiceIssued(invoiceId, orderId, customerId, amountCents, currency, issuedAt);
    }
}
