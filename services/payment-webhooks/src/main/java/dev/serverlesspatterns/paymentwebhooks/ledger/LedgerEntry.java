package dev.serverlesspatterns.paymentwebhooks.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an account's ledger, as it travels on the FIFO ledger queue: the message body is this record as JSON,
 * the message group is {@code accountId} and the deduplication id is {@code entryId}.
 *
 * @param entryId the provider's event id the entry comes from; an entry is applied once per id
 * @param amountCents signed: a capture credits the account, a refund debits it
 */
public record LedgerEntry(
        String entryId,
        String accountId,
        String paymentId,
        String eventType,
        long amountCents,
        String currency,
        Instant occurredAt) {

    public LedgerEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
