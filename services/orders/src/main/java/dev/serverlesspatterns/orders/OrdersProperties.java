package dev.serverlesspatterns.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tableName the orders table, from the template's {@code ORDERS_TABLE}
 * @param customerIndex the global secondary index that lists a customer's orders by creation time
 * @param paging page sizes of {@code GET /orders}
 */
@ConfigurationProperties("orders")
public record OrdersProperties(
        String tableName,
        @DefaultValue("byCustomer") String customerIndex,
        @DefaultValue Paging paging) {

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
}
