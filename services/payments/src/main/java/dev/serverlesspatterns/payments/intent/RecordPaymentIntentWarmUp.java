package dev.serverlesspatterns.payments.intent;

import dev.serverlesspatterns.events.billing.InvoiceIssued;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link RecordPaymentIntent}'s InvoiceIssued branch, which its priming event (a PaymentFailed
 * of an invoice without intent) never takes: the invoice's registration with its order (the upsert, here conditioned
 * on an order that exists, so refused), the intent's {@code PutItem} refused by a condition that cannot hold, the
 * order's {@code GetItem}, and the catch-up cancellation, refused because the intent does not exist.
 */
@Component
@WarmsUp("recordPaymentIntent")
class RecordPaymentIntentWarmUp implements PrimingWarmUp {

    /** Not a version 4 or 3 UUID, so no order ever has it. */
    private static final String UNUSED_ORDER_ID = "00000000-0000-0000-0000-000000000000";
    /** Billing's invoice ids are {@code inv-} and a UUID. */
    private static final String UNUSED_INVOICE_ID = "inv-snapstart-priming";

    private final PaymentOrderTable orders;
    private final PaymentIntentTable intents;
    private final Clock clock;

    RecordPaymentIntentWarmUp(PaymentOrderTable orders, PaymentIntentTable intents, Clock clock) {
        this.orders = orders;
        this.intents = intents;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        InvoiceIssued issued =
                new InvoiceIssued(UNUSED_INVOICE_ID, UNUSED_ORDER_ID, "snapstart-priming", 100, "EUR", Instant.EPOCH);
        orders.registerInvoiceRefused(issued.orderId(), issued.invoiceId());
        intents.openRefused(PaymentIntent.of(issued, clock.instant(), Optional.empty()));
        orders.cancelledAt(issued.orderId());
        intents.cancel(issued.invoiceId(), clock.instant());
    }
}
