package dev.serverlesspatterns.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.template.FunctionDefinition.ApiEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable<ApiEvent> routes = new RouteTable<>(
            List.of(
                    route("ListOrders", "GET", "/orders"),
                    route("GetOrder", "GET", "/orders/{orderId}"),
                    route("CancelOrder", "DELETE", "/orders/{orderId}"),
                    route("Summary", "GET", "/orders/summary"),
                    route("Legacy", "ANY", "/legacy/{proxy+}")),
            ApiEvent::method,
            ApiEvent::path);

    @Test
    void routesByMethodAndPath() {
        // when and then
        assertThat(routes.match("GET", "/orders").orElseThrow().route().functionLogicalId())
                .isEqualTo("ListOrders");
        assertThat(routes.match("DELETE", "/orders/42").orElseThrow().route().functionLogicalId())
                .isEqualTo("CancelOrder");
        assertThat(routes.match("GET", "/orders/42").orElseThrow().pathParameters())
                .isEqualTo(Map.of("orderId", "42"));
    }

    @Test
    void literalSegmentsWinOverParameters() {
        // when and then
        assertThat(routes.match("GET", "/orders/summary").orElseThrow().route().functionLogicalId())
                .isEqualTo("Summary");
    }

    @Test
    void greedyParametersTakeTheRestOfThePathForAnyMethod() {
        // when
        var match = routes.match("PATCH", "/legacy/a/b/c").orElseThrow();

        // then
        assertThat(match.route().functionLogicalId()).isEqualTo("Legacy");
        assertThat(match.pathParameters()).containsEntry("proxy", "a/b/c");
    }

    @Test
    void unknownMethodsAndPathsMatchNothing() {
        // when and then
        assertThat(routes.match("PUT", "/orders/42")).isEmpty();
        assertThat(routes.match("GET", "/invoices")).isEmpty();
    }

    private static ApiEvent route(String function, String method, String path) {
        return new ApiEvent(function, function + "Event", "ShopApi", method, path, null);
    }
}
