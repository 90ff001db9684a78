package dev.serverlesspatterns.paymentwebhooks.signature;

/**
 * API Gateway answers 401 (its UNAUTHORIZED gateway response) when a Lambda authorizer fails with exactly the message
 * {@code Unauthorized}; any other failure becomes a 500. No stack trace is captured: it is an expected outcome.
 */
final class Unauthorized extends RuntimeException {

    static final String MESSAGE = "Unauthorized";

    Unauthorized() {
        super(MESSAGE, null, false, false);
    }
}
