package dev.serverlesspatterns.redrive;

import java.util.Optional;

/**
 * What to re-drive and how.
 *
 * @param deadLetterQueueUrl the queue to empty
 * @param targetQueueUrl where the messages go; empty: the one queue whose RedrivePolicy names the dead-letter queue
 * @param maxMessages stop after this many messages
 * @param dryRun list the messages and leave them where they are
 * @param payloadOnly send the {@code requestPayload} of Lambda on-failure records instead of the whole record
 */
public record RedriveRequest(
        String deadLetterQueueUrl,
        Optional<String> targetQueueUrl,
        int maxMessages,
        boolean dryRun,
        boolean payloadOnly) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public RedriveRequest {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1, not " + maxMessages);
        }
    }

    /** Every message of the dead-letter queue, back to its source queue. */
    public static RedriveRequest of(String deadLetterQueueUrl) {
        return new RedriveRequest(deadLetterQueueUrl, Optional.empty(), UNLIMITED, false, false);
    }

    public RedriveRequest withTarget(String queueUrl) {
        return new RedriveRequest(deadLetterQueueUrl, Optional.of(queueUrl), maxMessages, dryRun, payloadOnly);
    }

    public RedriveRequest withMaxMessages(int max) {
        return new RedriveRequest(deadLetterQueueUrl, targetQueueUrl, max, dryRun, payloadOnly);
    }

    public RedriveRequest withDryRun() {
        return new RedriveRequest(deadLetterQueueUrl, targetQueueUrl, maxMessages, true, payloadOnly);
    }

    public RedriveRequest withPayloadOnly() {
        return new RedriveRequest(deadLetterQueueUrl, targetQueueUrl, maxMessages, dryRun, true);
    }
}
