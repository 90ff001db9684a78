/**
 * Payment intents: {@link dev.serverlesspatterns.payments.intent.RecordPaymentIntent} opens one intent per
 * {@code InvoiceIssued} and marks it failed on {@code PaymentFailed};
 * {@link dev.serverlesspatterns.payments.intent.CancelPaymentIntent} cancels the intents of an order on
 * {@code OrderCancelled}, even one whose invoice arrives later. Each happens once; the messages they cannot apply are
 * reported as batch item failures.
 */
package dev.serverlesspatterns.payments.intent;
