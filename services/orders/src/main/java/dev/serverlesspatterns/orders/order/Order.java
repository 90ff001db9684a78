package dev.serverlesspatterns.orders.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.serverlesspatterns.events.orders.PlaceOrderRequest;
import dev.serverlesspatterns.events.orders.PlaceOrderRequest.OrderLine;
import java.util.List;

/**
 * An order as the API returns it and as the table stores it (see {@link OrderTable}).
 *
 * @param createdAt ISO-8601 UTC with microseconds, fixed width so that it sorts as text in the customer index
 * @param version starts at 1 and grows by one with every change
 * @param requestFingerprint fingerprint of the placing request, kept to tell a retry from a reused key
 */
record Order(
        String orderId,
        String customerId,
        OrderStatus status,
        String currency,
        List<OrderLine> items,
        long totalCents,
        String createdAt,
        String updatedAt,
        long version,
        @JsonIgnore String requestFingerprint) {

    static Order open(String orderId, String customerId, PlaceOrderRequest request, String fingerprint, String now) {
        return new Order(
                orderId,
                customerId,
                OrderStatus.OPEN,
                request.currency(),
                List.copyOf(request.items()),
                request.totalCents(),
                now,
                now,
                1,
                fingerprint);
    }

    boolean isVisibleTo(String principalId, boolean admin) {
        return admin || customerId.equals(principalId);
    }
}
