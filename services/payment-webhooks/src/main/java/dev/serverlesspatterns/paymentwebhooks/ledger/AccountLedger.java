package dev.serverlesspatterns.paymentwebhooks.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code account_ledger} table: one row per applied entry, numbered per account in the order of application. */
@Component
class AccountLedger {

    private final JdbcClient jdbc;

    AccountLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends the entry at the account's next position unless it was applied before. One statement: the entry id's
     * primary key makes a repeat a no-op, and the unique (account, position) refuses a second writer racing for the
     * same position instead of numbering two entries alike.
     *
     * @return false when the entry was applied before (nothing changed)
     */
    boolean applyOnce(LedgerEntry entry) {
        return jdbc.sql("""
                        INSERT INTO account_ledger
                            (entry_id, account_id, position, payment_id, event_type, amount_cents, currency, occurred_at)
                        SELECT :entryId, :accountId, COALESCE(MAX(position), 0) + 1, :paymentId, :eventType,
                               :amountCents, :currency, :occurredAt
                        FROM account_ledger
                        WHERE account_id = :accountId
                        ON CONFLICT (entry_id) DO NOTHING""")
                        .param("entryId", entry.entryId())
                        .param("accountId", entry.accountId())
                        .param("paymentId", entry.paymentId())
                        .param("eventType", entry.eventType())
                        .param("amountCents", entry.amountCents())
                        .param("currency", entry.currency())
                        .param("occurredAt", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                        .update()
                == 1;
    }
}
