package dev.serverlesspatterns.redrive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Moves dead letters batch by batch: receive, send each to the target, then delete from the dead-letter queue
 * exactly those that were sent. A stop at any point (a failed call, a killed process) therefore leaves every
 * message in the dead-letter queue, in the target, or, when it came between a send and its delete, in both;
 * never in neither.
 */
final class Mover {

    private static final Logger log = LoggerFactory.getLogger(Mover.class);

    private final SqsClient sqs;
    private final DeadLetterQueue deadLetters;

    Mover(SqsClient sqs, DeadLetterQueue deadLetters) {
        this.sqs = sqs;
        this.deadLetters = deadLetters;
    }

    RedriveResult move(String targetUrl, RedriveRequest request) {
        Redelivery redelivery = new Redelivery(targetUrl, request.payloadOnly());
        int expected = Math.min(request.maxMessages(), deadLetters.approximateCount());
        int moved = 0;
        int inBothQueues = 0;
        Optional<String> failure = Optional.empty();
        while (moved < request.maxMessages() && failure.isEmpty()) {
            List<DeadLetter> batch = deadLetters.receive(request.maxMessages() - moved);
            if (batch.isEmpty()) {
                break;
            }
            BatchOutcome outcome = moveBatch(batch, redelivery, targetUrl);
            moved += outcome.moved();
            inBothQueues += outcome.inBothQueues();
            failure = outcome.failure();
            if (outcome.moved() > 0) {
                log.info("moved {} (total {} of ~{})", outcome.moved(), moved, Math.max(expected, moved));
            }
        }
        return new RedriveResult(deadLetters.url(), Optional.of(targetUrl), moved, 0, inBothQueues, failure);
    }

    private BatchOutcome moveBatch(List<DeadLetter> batch, Redelivery redelivery, String targetUrl) {
        List<DeadLetter> sent = new ArrayList<>();
        Optional<String> failure = Optional.empty();
        // In received order, stopping at the first failure: a FIFO group never has a later message overtake.
        for (DeadLetter letter : batch) {
            Optional<SendMessageRequest> send = redelivery.of(letter);
            if (send.isEmpty()) {
                failure = Optional.of("message " + letter.messageId()
                        + " is not a Lambda on-failure record, so it has no requestPayload to send");
                break;
            }
            try {
                sqs.sendMessage(send.get());
            } catch (SdkException sendFailed) {
                failure = Optional.of("sending message " + letter.messageId() + " to " + targetUrl + " failed: "
                        + sendFailed.getMessage());
                break;
            }
            sent.add(letter);
        }
        List<DeadLetter> notDeleted;
        try {
            notDeleted = deadLetters.delete(sent);
        } catch (SdkException deleteFailed) {
            notDeleted = sent;
            failure = failure.or(() -> Optional.of(
                    "deleting sent messages from " + deadLetters.url() + " failed: " + deleteFailed.getMessage()));
        }
        if (!notDeleted.isEmpty() && failure.isEmpty()) {
            failure = Optional.of(notDeleted.size() + " sent messages could not be deleted from " + deadLetters.url());
        }
        releaseUnsent(batch.subList(sent.size(), batch.size()));
        return new BatchOutcome(sent.size() - notDeleted.size(), notDeleted.size(), failure);
    }

    /** The messages this run will not send now are visible again at once, for the next run. */
    private void releaseUnsent(List<DeadLetter> unsent) {
        try {
            deadLetters.release(unsent);
        } catch (SdkException releaseFailed) {
            log.warn(
                    "{} unsent messages stay hidden in {} until their visibility timeout ends: {}",
                    unsent.size(),
                    deadLetters.url(),
                    releaseFailed.getMessage());
        }
    }

    private record BatchOutcome(int moved, int inBothQueues, Optional<String> failure) {}
}
