package dev.serverlesspatterns.orders.order;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * {@code DELETE /orders/{orderId}}: cancels an open order. The check and the change are one conditional write,
 * so when several cancels race, one wins and the others see the order no longer open.
 */
@Component("cancelOrder")
class CancelOrder implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;
    private final ApiResponses responses;
    private final OrderTable orders;
    private final Clock clock;

    CancelOrder(ApiHandler api, ApiResponses responses, OrderTable orders, Clock clock) {
        this.api = api;
        this.responses = responses;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::cancel);
    }

    private APIGatewayProxyResponseEvent cancel(APIGatewayProxyRequestEvent request) {
        Caller caller = Caller.of(request);
        caller.require(Scopes.WRITE);
        boolean admin = caller.has(Scopes.ADMIN);
        String orderId = OrderPath.orderId(request).orElseThrow(OrderPath::noSuchOrder);

        return orders.cancel(orderId, admin ? null : caller.principalId(), Timestamps.now(clock))
                .map(cancelled -> responses.json(200, cancelled))
                .orElseThrow(() -> whyNotCancelled(orderId, caller, admin));
    }

    /** The write says only that its condition failed; a read tells the caller which part. */
    private ApiProblemException whyNotCancelled(String orderId, Caller caller, boolean admin) {
        Order order = orders.find(orderId)
                .filter(found -> found.isVisibleTo(caller.principalId(), admin))
                .orElseThrow(OrderPath::noSuchOrder);
        return ApiProblemException.conflict(
                "ORDER_NOT_OPEN",
                "Order " + order.orderId() + " is " + order.status() + "; only an OPEN order can be cancelled.");
    }
}
