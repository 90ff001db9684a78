package dev.serverlesspatterns.events.shipping;

/**
 * Asks the shipping service's internal API for the shipment of an order (a RequestResponse invoke of its
 * {@code getShipmentForOrder} function's {@code live} alias, never a public route).
 */
public record ShipmentRequest(String orderId) {}
