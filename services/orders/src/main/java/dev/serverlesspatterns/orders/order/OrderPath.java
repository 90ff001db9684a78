package dev.serverlesspatterns.orders.order;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import java.util.Map;
import java.util.Optional;

/** The {@code {orderId}} of {@code /orders/{orderId}}, and the one answer for every order the caller may not see. */
final class OrderPath {

    private OrderPath() {}

    /** Empty when the path holds no id or one that no order can have. */
    static Optional<String> orderId(APIGatewayProxyRequestEvent request) {
        Map<String, String> path = request.getPathParameters();
        return Optional.ofNullable(path == null ? null : path.get("orderId")).filter(OrderIds::isWellFormed);
    }

    /** Missing, malformed and someone else's: all look the same, so ids cannot be probed. */
    static ApiProblemException noSuchOrder() {
        return ApiProblemException.notFound("There is no such order.");
    }
}
