package dev.serverlesspatterns.local.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an invocation returned, as the Lambda Invoke API reports it: the payload, and the
 * {@code X-Amz-Function-Error} value when the function failed (the payload then holds {@code errorMessage}).
 */
public record InvocationResult(byte[] payload, String functionError) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A failure of the execution environment rather than of the function's code, reported as Lambda does: an
     * {@code Unhandled} function error whose message starts with the request id (e.g. {@code Runtime.ExitError},
     * {@code Sandbox.Timedout}).
     */
    static InvocationResult environmentFailure(String errorType, String requestId, String error) {
        return new InvocationResult(
                JSON.writeValueAsBytes(
                        Map.of("errorType", errorType, "errorMessage", "RequestId: " + requestId + " Error: " + error)),
                "Unhandled");
    }

    /** Lambda's answer for a function still running at its {@code Timeout}. */
    static InvocationResult timedOut(String requestId, int timeoutSeconds) {
        return environmentFailure(
                "Sandbox.Timedout", requestId, String.format(Locale.ROOT, "Task timed out after %.2f seconds", (double)
                        timeoutSeconds));
    }

    public boolean failed() {
        return functionError != null;
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
