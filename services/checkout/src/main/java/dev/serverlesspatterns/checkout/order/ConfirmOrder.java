package dev.serverlesspatterns.checkout.order;

import dev.serverlesspatterns.checkout.CheckoutIds;
import dev.serverlesspatterns.checkout.CheckoutProperties;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The checkout's last step (state ConfirmOrder): confirms the order once its stock is held and its payment charged.
 * An order to a country no carrier serves fails with {@link DeliveryNotPossibleException}, and the state machine then
 * refunds and releases.
 */
@Component("confirmOrder")
class ConfirmOrder implements Function<ConfirmOrderTask, ConfirmedOrder> {

    private static final Logger log = LoggerFactory.getLogger(ConfirmOrder.class);

    private final OrderBook orders;
    private final Set<String> deliveryCountries;

    ConfirmOrder(OrderBook orders, CheckoutProperties properties) {
        this.orders = orders;
        this.deliveryCountries = properties.deliveryCountries();
    }

    @Override
    public ConfirmedOrder apply(ConfirmOrderTask task) {
        CheckoutIds.require(task.checkoutId());
        if (!deliveryCountries.contains(task.deliveryCountry())) {
            throw new DeliveryNotPossibleException(
                    "No carrier delivers checkout " + task.checkoutId() + " to " + task.deliveryCountry());
        }
        boolean confirmedNow = orders.confirm(task);
        log.info("Checkout {}: order CONFIRMED{}", task.checkoutId(), confirmedNow ? "" : " before");
        return new ConfirmedOrder(task.checkoutId(), "CONFIRMED");
    }
}
