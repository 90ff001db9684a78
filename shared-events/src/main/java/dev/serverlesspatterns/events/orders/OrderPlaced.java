package dev.serverlesspatterns.events.orders;

import java.time.Instant;

/**
 * An order was placed: the orders service puts it on its event bus (detail type {@link OrderEvents#ORDER_PLACED})
 * from the orders table's stream, so an order that was written is announced even if the API call that wrote it
 * died right after. {@code orderId} is every consumer's idempotency key. {@link
 * dev.serverlesspatterns.events.Schema#ORDER_PLACED} is its wire contract ({@code placedAt} as ISO-8601 UTC text).
 */
public record OrderPlaced(String orderId, String customerId, long totalCents, String currency, Instant placedAt) {}
