package dev.serverlesspatterns.events.orders;

/**
 * A caller inside the suite asks the orders service for an order's summary: the request of the internal function
 * {@code summarizeOrder}, invoked with Lambda's RequestResponse. No field is named {@code payload}: Spring Cloud
 * Function would take it for the whole input.
 */
public record OrderSummaryRequested(String orderId) {}
