package dev.serverlesspatterns.checkout.payment;

/** The card was declined, or the checkout's payment is closed already: a business outcome, never retried. */
public class PaymentDeclinedException extends RuntimeException {

    PaymentDeclinedException(String message) {
        super(message);
    }
}
