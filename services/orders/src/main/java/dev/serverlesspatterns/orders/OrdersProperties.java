package dev.serverlesspatterns.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tableName the orders table, from the template's {@code ORDERS_TABLE}
 * @param customerIndex the global secondary index that lists a customer's orders by creation time
 * @param paging page sizes of {@code GET /orders}
 * @param orderConfirmation where a placed order's confirmation is handed off to
 */
@ConfigurationProperties("orders")
public record OrdersProperties(
        String tableName,
        @DefaultValue("byCustomer") String customerIndex,
        @DefaultValue Paging paging,
        @DefaultValue OrderConfirmation orderConfirmation) {

    public OrdersProperties {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("orders.table-name is empty: set ORDERS_TABLE to the orders table");
        }
    }

    /**
     * @param defaultSize page size when the caller gives no {@code limit}
     * @param maxSize largest {@code limit} a caller may ask for
     */
    public record Paging(
            @DefaultValue("20") int defaultSize,
            @DefaultValue("100") int maxSize) {

        public Paging {
            if (defaultSize < 1 || defaultSize > maxSize) {
                throw new IllegalArgumentException(
                        "orders.paging.default-size must be between 1 and orders.paging.max-size (" + maxSize + ")");
            }
        }
    }

    /**
     * Checked where it is used, not here: only the function that places orders gets the function name.
     *
     * @param functionName the confirmation function (its {@code live} alias ARN), from the template's
     *     {@code ORDER_CONFIRMATION_FUNCTION}
     * @param timeout the most placing an order waits for Lambda to accept the handoff, retries included
     */
    public record OrderConfirmation(
            String functionName, @DefaultValue("2s") Duration timeout) {}
}
