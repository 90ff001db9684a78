package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one invocation with a batch of stream records came to, by Lambda's rules for streams: a function error
 * fails the whole batch. With {@code ReportBatchItemFailures}, an empty or absent {@code batchItemFailures} list (or
 * an empty response) is success, and listed sequence numbers fail the batch from the lowest of them on; a response
 * Lambda cannot read (invalid JSON, an empty, missing or unknown {@code itemIdentifier}) fails the whole batch.
 */
sealed interface StreamBatchOutcome {

    JsonMapper JSON = JsonMapper.builder().build();

    /** Every record succeeded. */
    record Succeeded() implements StreamBatchOutcome {}

    /** The records before {@code firstFailed} (an index into the batch) succeeded; the rest is to be retried. */
    record FailedFrom(int firstFailed) implements StreamBatchOutcome {}

    /** The whole batch failed: what bisecting splits. */
    record Failed(String reason) implements StreamBatchOutcome {}

    static StreamBatchOutcome of(
            InvocationResult result, boolean reportBatchItemFailures, List<String> sequenceNumbers) {
        if (result.failed()) {
            return new Failed("function error " + result.functionError());
        }
        if (!reportBatchItemFailures) {
            return new Succeeded();
        }
        JsonNode response;
        try {
            response = result.payload().length == 0 ? null : JSON.readTree(result.payload());
        } catch (JacksonException unreadable) {
            return new Failed("response is not JSON");
        }
        if (response == null || response.isNull() || response.isMissingNode()) {
            return new Succeeded();
        }
        if (!response.isObject()) {
            return new Failed("response is not a StreamsEventResponse");
        }
        JsonNode failures = response.path("batchItemFailures");
        if (failures.isMissingNode() || failures.isNull()) {
            return new Succeeded();
        }
        if (!failures.isArray()) {
            return new Failed("batchItemFailures is not a list");
        }
        int firstFailed = Integer.MAX_VALUE;
        for (JsonNode failure : failures) {
            JsonNode identifier = failure.path("itemIdentifier");
            int index = identifier.isString() ? sequenceNumbers.indexOf(identifier.asString()) : -1;
            if (index < 0) {
                return new Failed("invalid itemIdentifier in " + failure);
            }
            firstFailed = Math.min(firstFailed, index);
        }
        return firstFailed == Integer.MAX_VALUE ? new Succeeded() : new FailedFrom(firstFailed);
    }
}
