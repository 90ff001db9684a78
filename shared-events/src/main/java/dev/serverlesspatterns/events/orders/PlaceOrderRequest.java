package dev.serverlesspatterns.events.orders;

import java.util.List;

/** Body of {@code POST /orders}; {@link dev.serverlesspatterns.events.Schema#PLACE_ORDER} is its wire contract. */
public record PlaceOrderRequest(List<OrderLine> items, String currency) {

    public record OrderLine(String sku, int quantity, long unitPriceCents) {}

    public long totalCents() {
        return items.stream()
                .mapToLong(line -> line.unitPriceCents() * line.quantity())
                .sum();
    }
}
