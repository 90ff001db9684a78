package dev.serverlesspatterns.local.invoke;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record Lambda sends to an on-failure destination, in Lambda's format. The original event stays in
 * {@code requestPayload} as JSON, so a re-drive tool can replay it as it was.
 *
 * @param lastResponse what the last attempt returned; null when the event grew too old before any attempt
 */
record InvocationRecord(
        String requestId,
        String functionArn,
        Condition condition,
        int approximateInvokeCount,
        JsonNode requestPayload,
        InvocationResult lastResponse,
        Instant timestamp) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Why Lambda stopped trying. */
    enum Condition {
        RETRIES_EXHAUSTED("RetriesExhausted"),
        EVENT_AGE_EXCEEDED("EventAgeExceeded");

        private final String value;

        Condition(String value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    String toJson() {
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp.truncatedTo(ChronoUnit.MILLIS)));
        ObjectNode requestContext = record.putObject("requestContext");
        requestContext.put("requestId", requestId);
        requestContext.put("functionArn", functionArn + ":$LATEST");
        requestContext.put("condition", condition.toString());
        requestContext.put("approximateInvokeCount", approximateInvokeCount);
        record.set("requestPayload", requestPayload);
        if (lastResponse != null) {
            ObjectNode responseContext = record.putObject("responseContext");
            responseContext.put("statusCode", 200);
            responseContext.put("executedVersion", "$LATEST");
            responseContext.put("functionError", lastResponse.functionError());
            record.set("responsePayload", jsonOrText(lastResponse.payload()));
        }
        return JSON.writeValueAsString(record);
    }

    /** A function error is JSON ({@code errorMessage}, {@code errorType}); anything else is kept as text. */
    private static JsonNode jsonOrText(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (JacksonException notJson) {
            return JSON.getNodeFactory().stringNode(new String(payload, StandardCharsets.UTF_8));
        }
    }
}
