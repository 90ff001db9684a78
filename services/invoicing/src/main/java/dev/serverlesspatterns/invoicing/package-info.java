/**
 * Notifier subscriber: the invoicing service subscribes its own queue to billing's billing-notifications topic
 * (filtered to {@code InvoiceIssued}) and keeps a view of every issued invoice, once per invoice.
 */
package dev.serverlesspatterns.invoicing;
