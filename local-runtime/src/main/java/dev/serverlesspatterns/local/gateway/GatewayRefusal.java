package dev.serverlesspatterns.local.gateway;

/**
 * API Gateway refusing a request with one of its gateway responses (UNAUTHORIZED, BAD_REQUEST_BODY, ...) instead of
 * calling the integration; thrown by whichever step refuses, answered by {@link ApiGateway}.
 */
final class GatewayRefusal extends RuntimeException {

    private final String responseType;
    private final String errorMessage;
    private final String validationErrorString;

    /** With the response type's own {@code $context.error.message}. */
    GatewayRefusal(String responseType) {
        this(responseType, GatewayResponses.defaultMessage(responseType), null);
    }

    GatewayRefusal(String responseType, String errorMessage, String validationErrorString) {
        super(responseType, null, false, false);
        this.responseType = responseType;
        this.errorMessage = errorMessage;
        this.validationErrorString = validationErrorString;
    }

    String responseType() {
        return responseType;
    }

    /** {@code $context.error.message}. */
    String errorMessage() {
        return errorMessage;
    }

    /** {@code $context.error.validationErrorString}, set only when request validation failed. */
    String validationErrorString() {
        return validationErrorString;
    }
}
