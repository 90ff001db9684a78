package dev.serverlesspatterns.redrive;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record Lambda sends to an asynchronous invocation's on-failure destination: which function gave up on
 * which event, and why. The event itself is in {@code requestPayload}, so it can be replayed as it was.
 *
 * @param functionArn the function, with the version or alias that ran
 * @param condition why Lambda stopped trying: RetriesExhausted, EventAgeExceeded
 * @param requestPayload the original event, as JSON text
 */
record LambdaFailure(String functionArn, String condition, int approximateInvokeCount, String requestPayload) {

    // Decimals are read and written as BigDecimal, so a replayed payload keeps 12.50 as 12.50.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** The failure record a message body holds; empty when the body is something else. */
    static Optional<LambdaFailure> in(String body) {
        JsonNode record;
        try {
            record = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
        JsonNode context = record.path("requestContext");
        if (!record.has("requestPayload") || !context.path("functionArn").isString()) {
            return Optional.empty();
        }
        return Optional.of(new LambdaFailure(
                context.path("functionArn").asString(),
                context.path("condition").asString(""),
                context.path("approximateInvokeCount").asInt(0),
                JSON.writeValueAsString(record.get("requestPayload"))));
    }
}
