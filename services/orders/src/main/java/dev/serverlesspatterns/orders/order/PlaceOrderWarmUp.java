package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.events.orders.PlaceOrderRequest;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link PlaceOrder}'s writes, which its priming event (refused as invalid) cannot reach: the
 * order's {@code PutItem}, refused by a condition that cannot hold, the confirmation handoff as a DryRun, and the 201
 * answer's JSON of an order (built, never sent).
 */
@Component
@WarmsUp("placeOrder")
class PlaceOrderWarmUp implements PrimingWarmUp {

    /** Not a version 4 or 3 UUID, so no order ever has it. */
    private static final String UNUSED_ORDER_ID = "00000000-0000-0000-0000-000000000000";

    private final PlaceOrder placeOrder;
    private final OrderTable orders;
    private final OrderConfirmationHandoff confirmations;
    private final Clock clock;

    PlaceOrderWarmUp(PlaceOrder placeOrder, OrderTable orders, OrderConfirmationHandoff confirmations, Clock clock) {
        this.placeOrder = placeOrder;
        this.orders = orders;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        PlaceOrderRequest body =
                new PlaceOrderRequest(List.of(new PlaceOrderRequest.OrderLine("snapstart-priming", 1, 100)), "EUR");
        Order order = Order.open(
                UNUSED_ORDER_ID, "snapstart-priming", body, RequestFingerprint.of(body), Timestamps.now(clock));
        orders.insertRefused(order);
        confirmations.handOffDryRun(order);
        placeOrder.created(order, false);
    }
}
