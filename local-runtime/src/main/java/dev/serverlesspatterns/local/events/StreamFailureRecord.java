package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record Lambda sends to a stream event source mapping's on-failure destination when it discards records, in
 * Lambda's format: it names the discarded records by shard and sequence numbers ({@code DDBStreamBatchInfo} for a DynamoDB stream, {@code KinesisBatchInfo} for
 * Kinesis) and
 * does not carry them, so a re-drive reads them back from the stream.
 *
 * @param requestId the last invocation's request id; null when the records expired before any invocation
 * @param approximateInvokeCount how many times the function was invoked with these records as one batch
 * @param lastResponse what the last invocation returned; null when there was none
 * @param batchInfoField {@code DDBStreamBatchInfo} or {@code KinesisBatchInfo}
 * @param sequenceNumbers the discarded records' sequence numbers, in stream order
 * @param firstArrival when the first discarded record reached the stream; null when unknown
 * @param lastArrival when the last discarded record reached the stream; null when unknown
 */
record StreamFailureRecord(
        String requestId,
        String functionArn,
        Condition condition,
        int approximateInvokeCount,
        InvocationResult lastResponse,
        String shardId,
        String streamArn,
        String batchInfoField,
        List<String> sequenceNumbers,
        Instant firstArrival,
        Instant lastArrival,
        Instant timestamp) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Why Lambda discarded the records. */
    enum Condition {
        RETRY_ATTEMPTS_EXHAUSTED("RetryAttemptsExhausted"),
        RECORD_AGE_EXCEEDED("RecordAgeExceeded");

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
        ObjectNode requestContext = record.putObject("requestContext");
        requestContext.put("requestId", requestId);
        requestContext.put("functionArn", functionArn);
        requestContext.put("condition", condition.toString());
        requestContext.put("approximateInvokeCount", approximateInvokeCount);
        if (lastResponse != null) {
            ObjectNode responseContext = record.putObject("responseContext");
            responseContext.put("statusCode", 200);
            responseContext.put("executedVersion", "$LATEST");
            if (lastResponse.failed()) {
                responseContext.put("functionError", lastResponse.functionError());
            }
        }
        record.put("version", "1.0");
        record.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp.truncatedTo(ChronoUnit.MILLIS)));
        ObjectNode batchInfo = record.putObject(batchInfoField);
        batchInfo.put("shardId", shardId);
        batchInfo.put("startSequenceNumber", sequenceNumbers.getFirst());
        batchInfo.put("endSequenceNumber", sequenceNumbers.getLast());
        batchInfo.put("approximateArrivalOfFirstRecord", arrival(firstArrival));
        batchInfo.put("approximateArrivalOfLastRecord", arrival(lastArrival));
        batchInfo.put("batchSize", sequenceNumbers.size());
        batchInfo.put("streamArn", streamArn);
        return JSON.writeValueAsString(record);
    }

    private static String arrival(Instant created) {
        return created == null ? null : DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS));
    }
}
