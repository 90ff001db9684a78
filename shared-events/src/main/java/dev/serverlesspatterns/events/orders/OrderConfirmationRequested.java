package dev.serverlesspatterns.events.orders;

import java.time.Instant;

/**
 * The orders service asks for the confirmation of a newly placed order: the event it hands off, with an
 * asynchronous Lambda invoke, to the notifications service. {@code orderId} is the idempotency key: delivering
 * the same request twice confirms the order once.
 * {@link dev.serverlesspatterns.events.Schema#ORDER_CONFIRMATION_REQUESTED} is its wire contract ({@code placedAt}
 * as ISO-8601 UTC text). No field is named {@code payload}: Spring Cloud Function would take it for the whole input.
 */
public record OrderConfirmationRequested(
        String orderId, String customerId, long totalCents, String currency, Instant placedAt) {}
