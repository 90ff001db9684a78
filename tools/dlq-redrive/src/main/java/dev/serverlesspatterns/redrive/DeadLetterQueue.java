package dev.serverlesspatterns.redrive;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The dead-letter queue's side of a re-drive: taking messages out of sight, deleting them, putting them back. */
final class DeadLetterQueue {

    /** SQS's limit for one receive and one batch call. */
    private static final int BATCH_SIZE = 10;

    // Long enough for SQS to gather a full batch, short enough that an emptied queue ends the run quickly.
    private static final int WAIT_SECONDS = 1;

    private final SqsClient sqs;
    private final String url;
    private final Duration visibilityTimeout;

    DeadLetterQueue(SqsClient sqs, String url, Duration visibilityTimeout) {
        this.sqs = sqs;
        this.url = url;
        this.visibilityTimeout = visibilityTimeout;
    }

    String url() {
        return url;
    }

    /** Messages waiting, as SQS estimates them: what the progress output counts towards. */
    int approximateCount() {
        String count = sqs.getQueueAttributes(request ->
                        request.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        return count == null ? 0 : Integer.parseInt(count);
    }

    /**
     * Up to {@code max} messages, hidden from other consumers (and from the next receive) for the visibility
     * timeout. Empty when the queue has nothing visible left.
     */
    List<DeadLetter> receive(int max) {
        return sqs
                .receiveMessage(request -> request.queueUrl(url)
                        .maxNumberOfMessages(Math.min(max, BATCH_SIZE))
                        .visibilityTimeout(Math.toIntExact(visibilityTimeout.toSeconds()))
                        .waitTimeSeconds(WAIT_SECONDS)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All"))
                .messages()
                .stream()
                .map(DeadLetter::of)
                .toList();
    }

    /** Deletes the messages (at most one batch); returns those SQS did not delete. */
    List<DeadLetter> delete(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return List.of();
        }
        Set<String> failed = sqs
                .deleteMessageBatch(request -> request.queueUrl(url)
                        .entries(IntStream.range(0, letters.size())
                                .mapToObj(index -> DeleteMessageBatchRequestEntry.builder()
                                        .id(String.valueOf(index))
                                        .receiptHandle(letters.get(index).receiptHandle())
                                        .build())
                                .toList()))
                .failed()
                .stream()
                .map(BatchResultErrorEntry::id)
                .collect(Collectors.toSet());
        return IntStream.range(0, letters.size())
                .filter(index -> failed.contains(String.valueOf(index)))
                .mapToObj(letters::get)
                .toList();
    }

    /** Makes the messages visible again at once, instead of when their visibility timeout runs out. */
    void release(List<DeadLetter> letters) {
        for (int from = 0; from < letters.size(); from += BATCH_SIZE) {
            List<DeadLetter> batch = letters.subList(from, Math.min(from + BATCH_SIZE, letters.size()));
            sqs.changeMessageVisibilityBatch(request -> request.queueUrl(url)
                    .entries(IntStream.range(0, batch.size())
                            .mapToObj(index -> ChangeMessageVisibilityBatchRequestEntry.builder()
                                    .id(String.valueOf(index))
                                    .receiptHandle(batch.get(index).receiptHandle())
                                    .visibilityTimeout(0)
                                    .build())
                            .toList()));
        }
    }
}
