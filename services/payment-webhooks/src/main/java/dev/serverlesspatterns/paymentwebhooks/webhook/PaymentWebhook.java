package dev.serverlesspatterns.paymentwebhooks.webhook;

import dev.serverlesspatterns.paymentwebhooks.ledger.LedgerEntry;
import java.time.Instant;

/**
 * A payment event as the provider posts it (schema {@code payment-webhook.schema.json}, the same the API validates).
 *
 * @param eventId the provider's id of the event; the provider retries with the same id
 */
record PaymentWebhook(
        String eventId,
        String eventType,
        String accountId,
        String paymentId,
        long amountCents,
        String currency,
        Instant occurredAt) {

    static final String CAPTURED = "payment.captured";

    /** What the event does to the account's ledger: a capture credits it, a refund debits it. */
    LedgerEntry ledgerEntry() {
        long signedAmount = eventType.equals(CAPTURED) ? amountCents : -amountCents;
        return new LedgerEntry(eventId, accountId, paymentId, eventType, signedAmount, currency, occurredAt);
    }
}
