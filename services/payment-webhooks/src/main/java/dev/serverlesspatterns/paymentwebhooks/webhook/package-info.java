/**
 * Scalable Webhook and Frugal Consumer: {@link dev.serverlesspatterns.paymentwebhooks.webhook.RecordPaymentEvents}
 * drains the webhook queue at most two invocations at a time, records each provider event once in Postgres and hands
 * its ledger entry on to the FIFO ledger queue.
 */
package dev.serverlesspatterns.paymentwebhooks.webhook;
