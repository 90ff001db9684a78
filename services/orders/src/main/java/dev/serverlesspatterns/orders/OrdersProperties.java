package dev.serverlesspatterns.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the orders service, fed from the template's environment variables. Each function gets only the
 * variables it needs, so a value may be empty here; the bean that needs it checks it with
 * {@link dev.serverlesspatterns.platform.Settings#required}.
 *
 * @param tableName the orders table, from the template's {@code ORDERS_TABLE}
 * @param customerIndex the global secondary index that lists a customer's orders by creation time
 * @param paging page sizes of {@code GET /orders}
 * @param orderConfirmation where a placed order's confirmation is handed off to
 * @param events where the table's stream announces orders
 */
@ConfigurationProperties("orders")
public record OrdersProperties(
        String tableName,
        @DefaultValue("byCustomer") String customerIndex,
        @DefaultValue Paging paging,
        @DefaultValue OrderConfirmation orderConfirmation,
        @DefaultValue Events events) {

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
     * @param functionName the confirmation function (its {@code live} alias ARN), from the template's
     *     {@code ORDER_CONFIRMATION_FUNCTION}
     * @param timeout the most placing an order waits for Lambda to accept the handoff, retries included
     */
    public record OrderConfirmation(
            String functionName, @DefaultValue("2s") Duration timeout) {}

    /** @param busName the orders event bus, from the template's {@code ORDER_EVENTS_BUS} */
    public record Events(String busName) {}
}
