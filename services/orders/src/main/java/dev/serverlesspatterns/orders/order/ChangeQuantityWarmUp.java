package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.events.orders.PlaceOrderRequest;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link ChangeQuantity}'s path after the read finds the order, which its priming event (an order
 * id no order has) never reaches: the quantity rules, the function's own conditional {@code UpdateItem} on that
 * missing order, refused because the condition needs an open order, and the 200 answer's JSON of an order (built,
 * never sent).
 */
@Component
@WarmsUp("changeQuantity")
class ChangeQuantityWarmUp implements PrimingWarmUp {

    /** Not a version 4 or 3 UUID, so no order ever has it. */
    private static final String UNUSED_ORDER_ID = "00000000-0000-0000-0000-000000000000";

    private final OrderTable orders;
    private final ApiResponses responses;
    private final Clock clock;

    ChangeQuantityWarmUp(OrderTable orders, ApiResponses responses, Clock clock) {
        this.orders = orders;
        this.responses = responses;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        PlaceOrderRequest body =
                new PlaceOrderRequest(List.of(new PlaceOrderRequest.OrderLine("snapstart-priming", 1, 100)), "EUR");
        String now = Timestamps.now(clock);
        Order order = Order.open(UNUSED_ORDER_ID, "snapstart-priming", body, RequestFingerprint.of(body), now);
        QuantityChange change = QuantityChange.of(order, "snapstart-priming", 1);
        if (orders.changeQuantity(UNUSED_ORDER_ID, order.customerId(), change, now)
                .isPresent()) {
            throw new IllegalStateException("A priming quantity change found order " + UNUSED_ORDER_ID);
        }
        responses.json(200, order);
    }
}
