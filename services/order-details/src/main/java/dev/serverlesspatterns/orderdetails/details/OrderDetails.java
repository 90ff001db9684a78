package dev.serverlesspatterns.orderdetails.details;

import dev.serverlesspatterns.events.orders.OrderSummary;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The answer of {@code GET /orders/{orderId}/details}: always the order, and the customer and the shipment when their
 * services answered in time. {@code complete} is false exactly when {@code missing} names a part; a missing part's
 * field is null.
 *
 * @param customer the customers service's profile of the order's customer, as it answered
 * @param shipment the shipping service's shipment of the order, as it answered
 */
record OrderDetails(
        String orderId,
        boolean complete,
        OrderSummary order,
        JsonNode customer,
        JsonNode shipment,
        List<MissingPart> missing) {

    static OrderDetails of(OrderSummary order, JsonNode customer, JsonNode shipment, List<MissingPart> missing) {
        return new OrderDetails(order.orderId(), missing.isEmpty(), order, customer, shipment, List.copyOf(missing));
    }
}
