package dev.serverlesspatterns.authorizer.gatekeeper;

/**
 * API Gateway answers 401 when a TOKEN authorizer fails with exactly the message {@code Unauthorized}; any other
 * failure becomes a 500. The reason is logged, never put in the message, and no stack trace is captured.
 */
final class Unauthorized extends RuntimeException {

    static final String MESSAGE = "Unauthorized";

    Unauthorized() {
        super(MESSAGE, null, false, false);
    }
}
