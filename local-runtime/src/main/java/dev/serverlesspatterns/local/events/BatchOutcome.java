package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which messages of an SQS batch failed, by Lambda's rules: a function error fails the whole batch; with
 * {@code ReportBatchItemFailures} the listed {@code itemIdentifier}s fail, and a response Lambda cannot read
 * (invalid JSON, an empty, missing or unknown identifier) fails the whole batch too. Everything else succeeded
 * and is deleted.
 *
 * @param failedMessageIds the messages to leave in the queue, so they come back after the visibility timeout
 * @param reason why they failed, for the log; null when the batch succeeded
 */
record BatchOutcome(Set<String> failedMessageIds, String reason) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static BatchOutcome of(InvocationResult result, boolean reportBatchItemFailures, List<String> messageIds) {
        if (result.failed()) {
            return wholeBatchFailed(messageIds, "function error " + result.functionError());
        }
        if (!reportBatchItemFailures) {
            return new BatchOutcome(Set.of(), null);
        }
        JsonNode response;
        try {
            response = result.payload().length == 0 ? null : JSON.readTree(result.payload());
        } catch (JacksonException unreadable) {
            return wholeBatchFailed(messageIds, "response is not JSON");
        }
        if (response == null || response.isNull() || response.isMissingNode()) {
            return new BatchOutcome(Set.of(), null);
        }
        if (!response.isObject()) {
            return wholeBatchFailed(messageIds, "response is not an SQSBatchResponse");
        }
        JsonNode failures = response.path("batchItemFailures");
        if (failures.isMissingNode() || failures.isNull()) {
            return new BatchOutcome(Set.of(), null);
        }
        if (!failures.isArray()) {
            return wholeBatchFailed(messageIds, "batchItemFailures is not a list");
        }
        Set<String> failed = new LinkedHashSet<>();
        for (JsonNode failure : failures) {
            JsonNode identifier = failure.path("itemIdentifier");
            if (!identifier.isString() || !messageIds.contains(identifier.asString())) {
                return wholeBatchFailed(messageIds, "invalid itemIdentifier in " + failure);
            }
            failed.add(identifier.asString());
        }
        return new BatchOutcome(Set.copyOf(failed), failed.isEmpty() ? null : "reported as batch item failures");
    }

    private static BatchOutcome wholeBatchFailed(List<String> messageIds, String reason) {
        return new BatchOutcome(Set.copyOf(messageIds), reason);
    }

    boolean succeeded() {
        return failedMessageIds.isEmpty();
    }
}
