package dev.serverlesspatterns.reporting.report;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /reports/customers/{customerId}/orders}: a customer's order history from the read model, cache-aside:
 * the cache answers when it holds the report, else one query does and its answer is cached for the next reader.
 */
@Component("customerOrderHistory")
class CustomerOrderHistory implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_@.-]{1,128}");

    private final ApiHandler api;
    private final ReportCache cache;
    private final Reports reports;
    private final JsonMapper json;

    CustomerOrderHistory(ApiHandler api, ReportCache cache, Reports reports, JsonMapper json) {
        this.api = api;
        this.cache = cache;
        this.reports = reports;
        this.json = json;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::read);
    }

    private APIGatewayProxyResponseEvent read(APIGatewayProxyRequestEvent request) {
        Caller.of(request).require(Scopes.READ);
        String customerId = customerId(request);
        String key = ReportCache.customerOrdersKey(customerId);
        Optional<String> cached = cache.get(List.of(key)).getFirst();
        if (cached.isPresent()) {
            return CachedResponses.ok(cached.get(), true);
        }
        String report = json.writeValueAsString(
                new History(customerId, reports.customerOrders(customerId), Reports.HISTORY_LIMIT));
        cache.put(key, report);
        return CachedResponses.ok(report, false);
    }

    private static String customerId(APIGatewayProxyRequestEvent request) {
        Map<String, String> path = request.getPathParameters();
        String customerId = path == null ? null : path.get("customerId");
        if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()) {
            throw new ApiProblemException(ApiProblem.of(
                    400, "INVALID_CUSTOMER_ID", "customerId must be 1 to 128 letters, digits or _ @ . -"));
        }
        return customerId;
    }

    /** @param limit the most orders the history shows, newest first */
    record History(String customerId, List<Reports.OrderSummary> orders, int limit) {}
}
