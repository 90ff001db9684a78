package dev.serverlesspatterns.paymentwebhooks.webhook;

import dev.serverlesspatterns.paymentwebhooks.ledger.LedgerQueue;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link RecordPaymentEvents}'s writes, which its priming event (a webhook breaking its schema)
 * never reaches: the {@code payment_events} insert of a currency Postgres refuses ({@code char(3)}), which also opens
 * the pool's first connections (evicted after the restore), and the ledger entry's send with a per-message delay,
 * which the FIFO queue refuses.
 */
@Component
@WarmsUp("recordPaymentEvents")
class RecordPaymentEventsWarmUp implements PrimingWarmUp {

    private final PaymentEvents events;
    private final LedgerQueue ledger;

    RecordPaymentEventsWarmUp(PaymentEvents events, LedgerQueue ledger) {
        this.events = events;
        this.ledger = ledger;
    }

    @Override
    public void warmUp() {
        PaymentWebhook webhook = new PaymentWebhook(
                "snapstart-priming",
                PaymentWebhook.CAPTURED,
                "snapstart-priming",
                "snapstart-priming",
                100,
                "EURO",
                Instant.EPOCH);
        events.recordRefused(webhook, "snapstart-priming");
        ledger.sendRefused(webhook.ledgerEntry());
    }
}
