package dev.serverlesspatterns.payments.intent;

import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link CancelPaymentIntent}'s writes, which its priming event (a message breaking the contract)
 * never reaches: the order's cancellation (the upsert, here conditioned on an order that exists, so refused), and an
 * intent's cancellation, refused because the intent does not exist.
 */
@Component
@WarmsUp("cancelPaymentIntent")
class CancelPaymentIntentWarmUp implements PrimingWarmUp {

    /** Not a version 4 or 3 UUID, so no order ever has it. */
    private static final String UNUSED_ORDER_ID = "00000000-0000-0000-0000-000000000000";
    /** Billing's invoice ids are {@code inv-} and a UUID. */
    private static final String UNUSED_INVOICE_ID = "inv-snapstart-priming";

    private final PaymentOrderTable orders;
    private final PaymentIntentTable intents;
    private final Clock clock;

    CancelPaymentIntentWarmUp(PaymentOrderTable orders, PaymentIntentTable intents, Clock clock) {
        this.orders = orders;
        this.intents = intents;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        orders.recordCancellationRefused(UNUSED_ORDER_ID, clock.instant());
        intents.cancel(UNUSED_INVOICE_ID, clock.instant());
    }
}
