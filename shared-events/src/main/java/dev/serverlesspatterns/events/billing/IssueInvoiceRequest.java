package dev.serverlesspatterns.events.billing;

/**
 * Body of {@code POST /billing/invoices}: invoice an order. {@code orderId} is the idempotency key: an order is
 * invoiced once, however often the request is sent. {@link dev.serverlesspatterns.events.Schema#ISSUE_INVOICE} is
 * its wire contract.
 */
public record IssueInvoiceRequest(String orderId, String customerId, long amountCents, String currency) {}
