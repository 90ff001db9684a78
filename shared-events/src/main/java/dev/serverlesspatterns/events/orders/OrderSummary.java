package dev.serverlesspatterns.events.orders;

import dev.serverlesspatterns.events.orders.PlaceOrderRequest.OrderLine;
import java.util.List;

/**
 * The answer of the internal function {@code summarizeOrder}. An order that does not exist is an answer, not an
 * error ({@code found} false, every other field but {@code orderId} null), so a caller can tell "no such order" from
 * "the orders service failed", which comes back as a Lambda function error.
 *
 * @param status {@code OPEN} or {@code CANCELLED}
 * @param createdAt ISO-8601 UTC
 */
public record OrderSummary(
        String orderId,
        boolean found,
        String customerId,
        String status,
        String currency,
        List<OrderLine> items,
        long totalCents,
        String createdAt) {

    public static OrderSummary notFound(String orderId) {
        return new OrderSummary(orderId, false, null, null, null, List.of(), 0, null);
    }
}
