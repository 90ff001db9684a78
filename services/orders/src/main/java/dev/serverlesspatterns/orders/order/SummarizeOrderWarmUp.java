package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.events.orders.PlaceOrderRequest;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SnapStart priming of {@link SummarizeOrder}'s answer for an order that exists, which its priming event (an order id
 * no order has) never reaches: the summary of an order and its JSON (built, never sent).
 */
@Component
@WarmsUp("summarizeOrder")
class SummarizeOrderWarmUp implements PrimingWarmUp {

    /** Not a version 4 or 3 UUID, so no order ever has it. */
    private static final String UNUSED_ORDER_ID = "00000000-0000-0000-0000-000000000000";

    private final JsonMapper json;
    private final Clock clock;

    SummarizeOrderWarmUp(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        PlaceOrderRequest body =
                new PlaceOrderRequest(List.of(new PlaceOrderRequest.OrderLine("snapstart-priming", 1, 100)), "EUR");
        Order order = Order.open(
                UNUSED_ORDER_ID, "snapstart-priming", body, RequestFingerprint.of(body), Timestamps.now(clock));
        json.writeValueAsString(SummarizeOrder.summary(order));
    }
}
