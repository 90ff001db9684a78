package dev.serverlesspatterns.events.orders;

/**
 * Body of {@code POST /orders/{orderId}/lines/{sku}/quantity}: how many units to add (or, negative, remove);
 * {@link dev.serverlesspatterns.events.Schema#CHANGE_QUANTITY} is its wire contract.
 */
public record ChangeQuantityRequest(int delta) {}
