/**
 * Notifier and Distributed Trigger subscriber: the payments service subscribes its own queues to billing's
 * billing-notifications topic (filtered to {@code InvoiceIssued} and {@code PaymentFailed}) and to the audit
 * service's order-activity topic (filtered to {@code OrderCancelled}), and keeps one payment intent per invoice.
 */
package dev.serverlesspatterns.payments;
