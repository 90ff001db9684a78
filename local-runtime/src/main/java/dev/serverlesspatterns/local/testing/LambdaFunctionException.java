package dev.serverlesspatterns.local.testing;

/** The handler threw: Lambda would report {@code errorType} and {@code errorMessage} for this invocation. */
public final class LambdaFunctionException extends RuntimeException {

    private final String errorType;

    LambdaFunctionException(Throwable cause) {
        super(cause.getMessage(), cause);
        this.errorType = cause.getClass().getName();
    }

    public String getErrorType() {
        return errorType;
    }
}
