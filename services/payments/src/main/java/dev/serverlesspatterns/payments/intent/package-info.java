/**
 * Payment intents: {@link dev.serverlesspatterns.payments.intent.RecordPaymentIntent} opens one intent per
 * {@code InvoiceIssued} and marks it failed on {@code PaymentFailed}, each once, reporting the messages it cannot
 * apply as batch item failures.
 */
package dev.serverlesspatterns.payments.intent;
