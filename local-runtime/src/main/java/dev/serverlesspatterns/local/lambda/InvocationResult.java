package dev.serverlesspatterns.local.lambda;

import java.nio.charset.StandardCharsets;

/**
 * What an invocation returned, as the Lambda Invoke API reports it: the payload, and the
 * {@code X-Amz-Function-Error} value when the function failed (the payload then holds {@code errorMessage}).
 */
public record InvocationResult(byte[] payload, String functionError) {

    public boolean failed() {
        return functionError != null;
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
