/**
 * Invoices: {@link dev.serverlesspatterns.billing.invoice.IssueInvoice} records an order's invoice once and
 * publishes {@code InvoiceIssued} on the billing-notifications topic through
 * {@link dev.serverlesspatterns.billing.invoice.BillingNotificationsTopic}.
 */
package dev.serverlesspatterns.billing.invoice;
