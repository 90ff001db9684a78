package dev.serverlesspatterns.orderdetails.details;

import dev.serverlesspatterns.events.customers.CustomerProfile;
import dev.serverlesspatterns.events.orders.OrderSummary;
import dev.serverlesspatterns.events.shipping.Shipment;
import java.util.List;

/**
 * The answer of {@code GET /orders/{orderId}/details}: always the order, and the customer and the shipment when their
 * services answered in time. {@code complete} is false exactly when {@code missing} names a part; a missing part's
 * field is null.
 *
 * @param customer the customers service's profile of the order's customer ({@code found} false for a customer it
 *     does not know)
 * @param shipment the shipping service's shipment of the order ({@code found} false before one is planned)
 */
record OrderDetails(
        String orderId,
        boolean complete,
        OrderSummary order,
        CustomerProfile customer,
        Shipment shipment,
        List<MissingPart> missing) {

    static OrderDetails of(OrderSummary order, CustomerProfile customer, Shipment shipment, List<MissingPart> missing) {
        return new OrderDetails(order.orderId(), missing.isEmpty(), order, customer, shipment, List.copyOf(missing));
    }
}
