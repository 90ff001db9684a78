package dev.serverlesspatterns.redrive;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Where a dead-letter queue's messages came from: the queues whose RedrivePolicy names it. */
final class SourceQueues {

    private SourceQueues() {}

    /** The one source queue of the dead-letter queue, if it has exactly one. */
    static Optional<String> single(SqsClient sqs, String deadLetterQueueUrl) {
        List<String> sources = of(sqs, deadLetterQueueUrl);
        return sources.size() == 1 ? Optional.of(sources.getFirst()) : Optional.empty();
    }

    /** The one source queue of the dead-letter queue; refuses to guess when there are none or several. */
    static String required(SqsClient sqs, String deadLetterQueueUrl) {
        List<String> sources = of(sqs, deadLetterQueueUrl);
        return switch (sources.size()) {
            case 1 -> sources.getFirst();
            case 0 ->
                throw new RedriveException("No queue has " + deadLetterQueueUrl + " as its dead-letter queue"
                        + " (a Lambda on-failure queue, for example, is nobody's): give the target queue (--target)");
            default ->
                // Picking one could deliver messages to a queue they never failed in.
                throw new RedriveException(sources.size() + " queues have " + deadLetterQueueUrl
                        + " as their dead-letter queue (" + String.join(", ", sources)
                        + "): give the target queue (--target)");
        };
    }

    private static List<String> of(SqsClient sqs, String deadLetterQueueUrl) {
        return sqs
                .listDeadLetterSourceQueuesPaginator(request -> request.queueUrl(deadLetterQueueUrl))
                .queueUrls()
                .stream()
                .toList();
    }
}
