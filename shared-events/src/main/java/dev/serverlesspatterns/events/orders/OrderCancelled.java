package dev.serverlesspatterns.events.orders;

import java.time.Instant;

/**
 * An order was cancelled: put on the orders event bus (detail type {@link OrderEvents#ORDER_CANCELLED}) from the
 * orders table's stream when an order's status turns to CANCELLED. {@code orderId} is every consumer's
 * idempotency key. {@link dev.serverlesspatterns.events.Schema#ORDER_CANCELLED} is its wire contract.
 */
public record OrderCancelled(String orderId, String customerId, Instant cancelledAt) {}
