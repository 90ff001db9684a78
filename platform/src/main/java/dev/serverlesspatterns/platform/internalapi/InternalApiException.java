package dev.serverlesspatterns.platform.internalapi;

import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;

/**
 * An internal call that gave no result. It is an {@link ApiProblemException}, so a route that lets it through answers
 * with the failure's status and stable code (502, 503 or 504), never with the callee's error body; an aggregator
 * catches it and reports the {@link #failure()} of the missing part. The callee's own error type and message are kept
 * for the log, never for the response.
 */
public class InternalApiException extends ApiProblemException {

    private final CalleeFailure failure;
    private final String functionName;
    private final String calleeErrorType;

    InternalApiException(CalleeFailure failure, String functionName, String calleeErrorType, String reason) {
        super(
                ApiProblem.of(failure.status(), failure.name(), failure.detail()),
                new IllegalStateException(functionName + ": " + reason));
        this.failure = failure;
        this.functionName = functionName;
        this.calleeErrorType = calleeErrorType;
    }

    InternalApiException(CalleeFailure failure, String functionName, Throwable cause) {
        super(ApiProblem.of(failure.status(), failure.name(), failure.detail()), cause);
        this.failure = failure;
        this.functionName = functionName;
        this.calleeErrorType = null;
    }

    public CalleeFailure failure() {
        return failure;
    }

    /** The function (and alias) that was called. */
    public String functionName() {
        return functionName;
    }

    /** The {@code errorType} of the callee's error payload, when it answered with one ({@code Sandbox.Timedout}...). */
    public String calleeErrorType() {
        return calleeErrorType;
    }

    @Override
    public String getMessage() {
        return failure.name() + " calling " + functionName
                + (calleeErrorType == null ? "" : " (" + calleeErrorType + ")");
    }
}
