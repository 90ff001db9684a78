package dev.serverlesspatterns.local.operate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One queue's approximate message counts, as SQS reports them.
 *
 * @param queue the queue's logical id in the template
 * @param visible messages waiting to be received ({@code ApproximateNumberOfMessages})
 * @param inFlight messages received but neither deleted nor back ({@code ApproximateNumberOfMessagesNotVisible})
 * @param delayed messages not yet deliverable ({@code ApproximateNumberOfMessagesDelayed})
 * @param deadLetterQueue the logical id of the queue's redrive target, or null when it has none
 */
public record QueueDepth(
        String queue,
        QueueRole role,
        long visible,
        long inFlight,
        long delayed,
        @JsonInclude(JsonInclude.Include.NON_NULL) String deadLetterQueue) {}
