package dev.serverlesspatterns.paymentwebhooks.webhook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code payment_events} table: one row per provider event id. */
@Component
class PaymentEvents {

    private final JdbcClient jdbc;

    PaymentEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event unless its id was recorded before. Check and write are one statement, so of any number of
     * deliveries of the same event, concurrent or not, exactly one inserts it.
     *
     * @param body the body as signed, kept verbatim
     * @return false when the event was recorded before (nothing changed)
     */
    boolean recordOnce(PaymentWebhook webhook, String body) {
        return insert(webhook, body).update() == 1;
    }

    /**
     * The {@code INSERT} of {@link #recordOnce} for SnapStart priming, of a webhook whose currency does not fit the
     * {@code char(3)} column: Postgres refuses it and writes nothing.
     *
     * @throws IllegalStateException when Postgres took it after all
     */
    void recordRefused(PaymentWebhook webhookWithLongCurrency, String body) {
        try {
            insert(webhookWithLongCurrency, body).update();
        } catch (DataIntegrityViolationException refused) {
            return;
        }
        throw new IllegalStateException("payment_events took a currency longer than 3 characters");
    }

    private JdbcClient.StatementSpec insert(PaymentWebhook webhook, String body) {
        return jdbc.sql("""
                        INSERT INTO payment_events
                            (provider_event_id, event_type, account_id, payment_id, amount_cents, currency,
                             occurred_at, body)
                        VALUES (:eventId, :eventType, :accountId, :paymentId, :amountCents, :currency,
                                :occurredAt, :body)
                        ON CONFLICT (provider_event_id) DO NOTHING""")
                .param("eventId", webhook.eventId())
                .param("eventType", webhook.eventType())
                .param("accountId", webhook.accountId())
                .param("paymentId", webhook.paymentId())
                .param("amountCents", webhook.amountCents())
                .param("currency", webhook.currency())
                .param("occurredAt", OffsetDateTime.ofInstant(webhook.occurredAt(), ZoneOffset.UTC))
                .param("body", body);
    }
}
