package dev.serverlesspatterns.orders.order;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** {@code GET /orders/{orderId}}: the caller's own order, or any order for an {@code orders:admin}. */
@Component("getOrder")
class GetOrder implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;
    private final ApiResponses responses;
    private final OrderTable orders;

    GetOrder(ApiHandler api, ApiResponses responses, OrderTable orders) {
        this.api = api;
        this.responses = responses;
        this.orders = orders;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::get);
    }

    private APIGatewayProxyResponseEvent get(APIGatewayProxyRequestEvent request) {
        Caller caller = Caller.of(request);
        caller.require(Scopes.READ);
        Order order = OrderPath.orderId(request)
                .flatMap(orders::find)
                .filter(found -> found.isVisibleTo(caller.principalId(), caller.has(Scopes.ADMIN)))
                .orElseThrow(OrderPath::noSuchOrder);
        return responses.json(200, order);
    }
}
