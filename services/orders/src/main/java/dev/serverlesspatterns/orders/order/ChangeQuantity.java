package dev.serverlesspatterns.orders.order;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.ChangeQuantityRequest;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import dev.serverlesspatterns.platform.api.RequestBodyReader;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * {@code POST /orders/{orderId}/lines/{sku}/quantity}: adds {@code delta} units to one line of an open order (or
 * removes them). A read finds the line; the change itself is one conditional in-place update, so concurrent
 * changes all count and none can take a line out of its bounds.
 */
@Component("changeQuantity")
class ChangeQuantity implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /**
     * Writes tried before giving up when each failed its condition although the read after it allowed the
     * change: other changes landed in between, every time.
     */
    private static final int ATTEMPTS = 3;

    private final ApiHandler api;
    private final RequestBodyReader bodies;
    private final ApiResponses responses;
    private final OrderTable orders;
    private final Clock clock;

    ChangeQuantity(ApiHandler api, RequestBodyReader bodies, ApiResponses responses, OrderTable orders, Clock clock) {
        this.api = api;
        this.bodies = bodies;
        this.responses = responses;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::change);
    }

    private APIGatewayProxyResponseEvent change(APIGatewayProxyRequestEvent request) {
        Caller caller = Caller.of(request);
        caller.require(Scopes.WRITE);
        boolean admin = caller.has(Scopes.ADMIN);
        ChangeQuantityRequest body = bodies.read(request, Schema.CHANGE_QUANTITY, ChangeQuantityRequest.class);
        String orderId = OrderPath.orderId(request).orElseThrow(OrderPath::noSuchOrder);
        String sku = OrderPath.sku(request);

        Order order = visibleOrder(orderId, caller, admin);
        for (int attempt = 1; ; attempt++) {
            // refuses, with the reason, what the order as read does not allow
            QuantityChange change = QuantityChange.of(order, sku, body.delta());
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException(
                        "Changing line " + sku + " of order " + orderId + " failed its condition " + ATTEMPTS
                                + " times although each read after it allowed the change");
            }
            Optional<Order> changed =
                    orders.changeQuantity(orderId, admin ? null : caller.principalId(), change, Timestamps.now(clock));
            if (changed.isPresent()) {
                return responses.json(200, changed.get());
            }
            // The write says only that its condition failed; a fresh read tells the caller which part. Should the
            // read allow the change after all, another change landed in between, and the next attempt builds on it.
            order = visibleOrder(orderId, caller, admin);
        }
    }

    private Order visibleOrder(String orderId, Caller caller, boolean admin) {
        return orders.find(orderId)
                .filter(found -> found.isVisibleTo(caller.principalId(), admin))
                .orElseThrow(OrderPath::noSuchOrder);
    }
}
