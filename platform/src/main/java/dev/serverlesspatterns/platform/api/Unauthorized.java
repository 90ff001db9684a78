package dev.serverlesspatterns.platform.api;

/**
 * How a Lambda authorizer refuses: API Gateway answers 401 (its UNAUTHORIZED gateway response) when the authorizer
 * fails with exactly the message {@code Unauthorized}; any other failure becomes a 500. The reason belongs in the log,
 * never in the message, and no stack trace is captured: it is an expected outcome.
 */
public final class Unauthorized extends RuntimeException {

    public static final String MESSAGE = "Unauthorized";

    public Unauthorized() {
        super(MESSAGE, null, false, false);
    }
}
