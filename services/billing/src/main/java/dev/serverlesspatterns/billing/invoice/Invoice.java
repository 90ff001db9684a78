package dev.serverlesspatterns.billing.invoice;

import dev.serverlesspatterns.events.billing.InvoiceIssued;
import dev.serverlesspatterns.events.orders.OrderPlaced;
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
    static Invoice issue(OrderPlaced order, Instant now) {
        return new Invoice(
                invoiceIdOf(order.orderId()),
                order.orderId(),
                order.customerId(),
                order.totalCents(),
                order.currency(),
                now.truncatedTo(ChronoUnit.MILLIS),
                null);
    }

    static String invoiceIdOf(String orderId) {
        return "inv-" + UUID.nameUUIDFromBytes(("invoice/" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    boolean notified() {
        return notifiedAt != null;
    }

    InvoiceIssued issued() {
        return new InvoiceIssued(invoiceId, orderId, customerId, amountCents, currency, issuedAt);
    }
}
