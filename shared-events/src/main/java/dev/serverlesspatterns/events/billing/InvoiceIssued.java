package dev.serverlesspatterns.events.billing;

import java.time.Instant;

/**
 * Billing issued an invoice for an order: published on the billing-notifications topic with the message attribute
 * {@code eventType = InvoiceIssued}. {@code invoiceId} is the idempotency key of every subscriber: a redelivered
 * event changes nothing. {@link dev.serverlesspatterns.events.Schema#INVOICE_ISSUED} is its wire contract
 * ({@code issuedAt} as ISO-8601 UTC text).
 */
public record InvoiceIssued(
        String invoiceId, String orderId, String customerId, long amountCents, String currency, Instant issuedAt) {}
