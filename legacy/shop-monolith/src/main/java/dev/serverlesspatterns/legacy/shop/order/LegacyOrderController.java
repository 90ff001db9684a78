package dev.serverlesspatterns.legacy.shop.order;

import dev.serverlesspatterns.legacy.shop.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legacy order lookup: orders placed before ordering moved to the orders service. The next route to migrate: once
 * the gateway sends {@code GET /legacy/orders/{orderId}} to the orders service's function, this one is unused.
 */
@RestController
class LegacyOrderController {

    private final JdbcClient jdbc;

    LegacyOrderController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/legacy/orders/{orderId}")
    LegacyOrder get(@PathVariable String orderId) {
        return jdbc.sql("SELECT order_id, customer_id, total_cents, currency, status, placed_at FROM orders"
                        + " WHERE order_id = ?")
                .param(orderId)
                .query((row, number) -> new LegacyOrder(
                        row.getString("order_id"),
                        row.getString("customer_id"),
                        row.getLong("total_cents"),
                        row.getString("currency"),
                        row.getString("status"),
                        row.getTimestamp("placed_at").toInstant()))
                .optional()
                .orElseThrow(() -> new ErrorResponseException(
                        HttpStatus.NOT_FOUND,
                        Problems.of(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", "The legacy shop has no order " + orderId),
                        null));
    }
}
