package dev.serverlesspatterns.checkout.payment;

/**
 * The card gateway did not answer: transient, so the state machine retries ChargePayment on this error (its class
 * name) with backoff, and on nothing else.
 */
public class PaymentGatewayUnavailableException extends RuntimeException {

    PaymentGatewayUnavailableException(String message) {
        super(message);
    }
}
