package dev.serverlesspatterns.redrive;

import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Re-drives a dead-letter queue: moves its messages back to the queue they failed in (the one whose
 * RedrivePolicy names it) or to a chosen target, at least once and never losing one; or, as a dry run, lists
 * them. See {@link Mover} for why a stop at any point loses nothing.
 */
public final class DlqRedrive {

    /** How long a received batch stays hidden from others: ample for ten sends and a delete, retries included. */
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(60);

    private final SqsClient sqs;
    private final Duration visibilityTimeout;

    /**
     * @param visibilityTimeout how long a received batch stays hidden; after a crash, its messages are back in
     *     the dead-letter queue when this has passed
     */
    public DlqRedrive(SqsClient sqs, Duration visibilityTimeout) {
        this.sqs = sqs;
        this.visibilityTimeout = visibilityTimeout;
    }

    /**
     * @throws RedriveException when a move has no target: none given, and the dead-letter queue has no single
     *     source queue
     */
    public RedriveResult redrive(RedriveRequest request) {
        String url = request.deadLetterQueueUrl();
        DeadLetterQueue deadLetters = new DeadLetterQueue(sqs, url, visibilityTimeout);
        if (request.dryRun()) {
            // A look needs no target: it shows where a move would go, if that is known yet.
            return new DryRun(deadLetters)
                    .list(request.targetQueueUrl().or(() -> SourceQueues.single(sqs, url)), request);
        }
        String target = request.targetQueueUrl().orElseGet(() -> SourceQueues.required(sqs, url));
        return new Mover(sqs, deadLetters).move(target, request);
    }
}
