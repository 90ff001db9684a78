package dev.serverlesspatterns.payments.intent;

/**
 * A {@code PaymentFailed} that overtook its invoice's {@code InvoiceIssued}: there is no intent to mark yet. The
 * message is fine, so it is retried until the intent is open; its reason says all, hence no stack trace.
 */
class NoPaymentIntentYet extends RuntimeException {

    NoPaymentIntentYet(String invoiceId) {
        super(
                "invoice " + invoiceId + " has no payment intent yet; the message is retried until its InvoiceIssued"
                        + " arrives",
                null,
                false,
                false);
    }
}
