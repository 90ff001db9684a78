package dev.serverlesspatterns.events.billing;

import java.time.Instant;

/**
 * Collecting the payment of an invoice failed: published on the billing-notifications topic with the message
 * attribute {@code eventType = PaymentFailed}. {@link dev.serverlesspatterns.events.Schema#PAYMENT_FAILED} is its
 * wire contract ({@code failedAt} as ISO-8601 UTC text).
 */
public record PaymentFailed(String invoiceId, String customerId, String reason, Instant failedAt) {}
