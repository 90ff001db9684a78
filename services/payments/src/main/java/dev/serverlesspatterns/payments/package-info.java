/**
 * Notifier subscriber: the payments service subscribes its own queue to billing's billing-notifications topic
 * (filtered to {@code InvoiceIssued} and {@code PaymentFailed}) and keeps one payment intent per invoice.
 */
package dev.serverlesspatterns.payments;
