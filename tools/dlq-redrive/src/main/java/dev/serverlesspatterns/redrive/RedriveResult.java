package dev.serverlesspatterns.redrive;

import java.util.Optional;

/**
 * How a re-drive ended.
 *
 * @param targetQueueUrl where the messages went, or would go; empty when a dry run found no single source queue
 * @param moved messages sent to the target and deleted from the dead-letter queue
 * @param listed messages a dry run showed
 * @param inBothQueues messages sent to the target whose deletion from the dead-letter queue failed: they are
 *     in both queues now, and a re-run sends them again (FIFO targets drop that copy as a duplicate)
 * @param failure why the re-drive stopped early; empty when it went through
 */
public record RedriveResult(
        String deadLetterQueueUrl,
        Optional<String> targetQueueUrl,
        int moved,
        int listed,
        int inBothQueues,
        Optional<String> failure) {

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
