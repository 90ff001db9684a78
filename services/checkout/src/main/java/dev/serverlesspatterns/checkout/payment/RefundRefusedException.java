package dev.serverlesspatterns.checkout.payment;

/**
 * The gateway refused a refund. The state machine retries the compensation, and when it still fails it alerts the
 * alarm topic and fails the execution with this error: a person has to settle the payment.
 */
public class RefundRefusedException extends RuntimeException {

    RefundRefusedException(String message) {
        super(message);
    }
}
