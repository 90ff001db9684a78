package dev.serverlesspatterns.orders.order;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.orders.OrdersProperties;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code GET /orders?customerId=&limit=&nextToken=}: a customer's orders, newest first, through the customer
 * index. Customers list their own orders; only {@code orders:admin} may name another customer.
 */
@Component("listOrders")
class ListOrders implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,4}$");

    private final ApiHandler api;
    private final ApiResponses responses;
    private final OrderTable orders;
    private final NextTokenCodec tokens;
    private final OrdersProperties.Paging paging;

    ListOrders(
            ApiHandler api,
            ApiResponses responses,
            OrderTable orders,
            NextTokenCodec tokens,
            OrdersProperties properties) {
        this.api = api;
        this.responses = responses;
        this.orders = orders;
        this.tokens = tokens;
        this.paging = properties.paging();
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::list);
    }

    private APIGatewayProxyResponseEvent list(APIGatewayProxyRequestEvent request) {
        Caller caller = Caller.of(request);
        caller.require(Scopes.READ);
        Map<String, String> query =
                request.getQueryStringParameters() == null ? Map.of() : request.getQueryStringParameters();

        String customerId = query.get("customerId");
        if (customerId == null || customerId.isBlank()) {
            customerId = caller.principalId();
        } else if (!customerId.equals(caller.principalId()) && !caller.has(Scopes.ADMIN)) {
            throw ApiProblemException.forbidden(
                    "Listing another customer's orders needs the scope '" + Scopes.ADMIN + "'.");
        }
        int limit = limitOf(query.get("limit"));
        String token = query.get("nextToken");
        PageKey after = token == null || token.isEmpty() ? null : tokens.decode(token, customerId);

        OrderSlice slice = orders.findByCustomer(customerId, limit, after);
        String nextToken = slice.next() == null ? null : tokens.encode(slice.next());
        return responses.json(200, new OrderPage(slice.orders(), nextToken));
    }

    private int limitOf(String text) {
        if (text == null) {
            return paging.defaultSize();
        }
        int limit = DIGITS.matcher(text).matches() ? Integer.parseInt(text) : 0;
        if (limit < 1 || limit > paging.maxSize()) {
            throw new ApiProblemException(ApiProblem.of(
                    400, "INVALID_LIMIT", "limit must be a whole number from 1 to " + paging.maxSize() + "."));
        }
        return limit;
    }
}
