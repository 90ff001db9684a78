package dev.serverlesspatterns.checkout.order;

import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link ConfirmOrder}'s transaction, which its priming event (a country no carrier serves) never
 * reaches: the confirmation of a checkout no reservation has, cancelled by the reservation's status condition.
 */
@Component
@WarmsUp("confirmOrder")
class ConfirmOrderWarmUp implements PrimingWarmUp {

    private final OrderBook orders;

    ConfirmOrderWarmUp(OrderBook orders) {
        this.orders = orders;
    }

    @Override
    public void warmUp() {
        try {
            orders.confirm(new ConfirmOrderTask(
                    "00000000-0000-0000-0000-000000000000", "snapstart-priming", "NL", 1, "pay_snapstart_priming"));
        } catch (IllegalStateException refused) {
            return;
        }
        throw new IllegalStateException("The priming confirmation confirmed an order");
    }
}
