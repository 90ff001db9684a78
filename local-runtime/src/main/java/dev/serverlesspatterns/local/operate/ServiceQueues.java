package dev.serverlesspatterns.local.operate;

import java.util.List;
import java.util.Optional;

/** The queues one service owns, with their depths. */
public record ServiceQueues(String service, List<QueueDepth> queues) {

    public Optional<QueueDepth> queue(String logicalId) {
        return queues.stream().filter(depth -> depth.queue().equals(logicalId)).findFirst();
    }
}
