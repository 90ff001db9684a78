package dev.serverlesspatterns.orders.order;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code {orderId}} of {@code /orders/{orderId}} and the {@code {sku}} of
 * {@code /orders/{orderId}/lines/{sku}/...}, and the one answer for every order the caller may not see.
 */
final class OrderPath {

    private OrderPath() {}

    /** Empty when the path holds no id or one that no order can have. */
    static Optional<String> orderId(APIGatewayProxyRequestEvent request) {
        return parameter(request, "orderId").filter(OrderIds::isWellFormed);
    }

    /** The sku as the path names it, or "" when it names none, which no line has. */
    static String sku(APIGatewayProxyRequestEvent request) {
        return parameter(request, "sku").orElse("");
    }

    /** Missing, malformed and someone else's: all look the same, so ids cannot be probed. */
    static ApiProblemException noSuchOrder() {
        return ApiProblemException.notFound("There is no such order.");
    }

    /** The order is one the caller may see, but none of its lines has the sku of the path. */
    static ApiProblemException noSuchLine() {
        return new ApiProblemException(ApiProblem.of(404, "LINE_NOT_FOUND", "The order has no line with this sku."));
    }

    private static Optional<String> parameter(APIGatewayProxyRequestEvent request, String name) {
        Map<String, String> path = request.getPathParameters();
        return Optional.ofNullable(path == null ? null : path.get(name));
    }
}
