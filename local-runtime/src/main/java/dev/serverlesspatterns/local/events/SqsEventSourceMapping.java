package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.template.FunctionDefinition.SqsEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One {@code SQS} event of a function, run the way Lambda's event source mapping runs it: poll the queue, hand
 * each batch to the function synchronously, delete what succeeded and leave the rest to the queue's visibility
 * timeout and redrive policy.
 *
 * <p>At most {@code ScalingConfig.MaximumConcurrency} batches are in flight at once (a slot is taken before a
 * receive and freed when the batch is settled). FIFO ordering is the queue's: SQS hands out no message of a group
 * while an earlier one of that group is in flight, and keeps a group's messages in order within a receive.
 */
public final class SqsEventSourceMapping implements EventSource {

    private static final Logger log = LoggerFactory.getLogger(SqsEventSourceMapping.class);
    private static final int MAX_MESSAGES_PER_RECEIVE = 10;
    /** Short long-polls, so that close() does not wait long for a receive to return. */
    private static final int LONG_POLL_SECONDS = 1;

    private static final Duration PAUSE_AFTER_RECEIVE_ERROR = Duration.ofSeconds(1);
    private static final Duration POLLER_STOP_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration IN_FLIGHT_BATCHES_GRACE = Duration.ofSeconds(30);

    private final SqsClient sqs;
    private final SqsEvent event;
    private final String queueUrl;
    private final String queueArn;
    private final LambdaInvoker invoker;
    private final Semaphore batchSlots;
    private final ExecutorService batches;
    private volatile boolean running;
    private Thread poller;

    public SqsEventSourceMapping(
            SqsClient sqs, SqsEvent event, String queueUrl, String queueArn, LambdaInvoker invoker) {
        this.sqs = sqs;
        this.event = event;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.invoker = invoker;
        this.batchSlots =
                new Semaphore(event.maximumConcurrency() == null ? Integer.MAX_VALUE : event.maximumConcurrency());
        this.batches = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("sqs-batch-" + name() + "-", 0).factory());
    }

    public SqsEventSourceMapping start() {
        running = true;
        poller = Thread.ofVirtual().name("sqs-poller-" + name()).start(this::poll);
        log.debug(
                "{} polls {} (batch size {}, window {} s, maximum concurrency {})",
                name(),
                queueArn,
                event.batchSize(),
                event.maximumBatchingWindowSeconds(),
                event.maximumConcurrency() == null ? "unbounded" : event.maximumConcurrency());
        return this;
    }

    private String name() {
        return event.functionLogicalId() + "." + event.name();
    }

    private void poll() {
        while (running) {
            if (!takeBatchSlot()) {
                continue;
            }
            List<Message> batch;
            try {
                batch = receiveBatch();
            } catch (SdkException failure) {
                batchSlots.release();
                if (running) {
                    log.warn("{} cannot receive from {}: {}", name(), queueUrl, failure.getMessage());
                    pause();
                }
                continue;
            }
            if (batch.isEmpty()) {
                batchSlots.release();
                continue;
            }
            batches.execute(() -> {
                try {
                    process(batch);
                } finally {
                    batchSlots.release();
                }
            });
        }
    }

    private boolean takeBatchSlot() {
        try {
            return batchSlots.tryAcquire(LONG_POLL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Like Lambda: the first receive long-polls; once it returns messages, more receives fill the batch up to
     * {@code BatchSize} until the batching window has passed.
     */
    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>(receive(event.batchSize(), LONG_POLL_SECONDS));
        if (batch.isEmpty()) {
            return batch;
        }
        Instant windowEnd = Instant.now().plusSeconds(event.maximumBatchingWindowSeconds());
        while (running && batch.size() < event.batchSize()) {
            long remainingMillis = Duration.between(Instant.now(), windowEnd).toMillis();
            if (remainingMillis <= 0) {
                break;
            }
            int waitSeconds = (int) Math.min(LONG_POLL_SECONDS, Math.ceilDiv(remainingMillis, 1000));
            batch.addAll(receive(event.batchSize() - batch.size(), waitSeconds));
        }
        return batch;
    }

    private List<Message> receive(int wanted, int waitSeconds) {
        return sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(Math.min(wanted, MAX_MESSAGES_PER_RECEIVE))
                        .waitTimeSeconds(waitSeconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All"))
                .messages();
    }

    private void process(List<Message> batch) {
        BatchOutcome outcome;
        try {
            outcome = BatchOutcome.of(
                    invoker.invoke(event.functionLogicalId(), LambdaSqsEvent.of(batch, queueArn, region())),
                    event.reportBatchItemFailures(),
                    batch.stream().map(Message::messageId).toList());
        } catch (RuntimeException invokeFailure) {
            // The poller must outlive a function host that cannot be reached; the batch is retried like a failed one.
            log.warn(
                    "{} could not invoke {}: {} messages return after the visibility timeout",
                    name(),
                    event.functionLogicalId(),
                    batch.size(),
                    invokeFailure);
            return;
        }
        delete(batch.stream()
                .filter(message -> !outcome.failedMessageIds().contains(message.messageId()))
                .toList());
        if (outcome.succeeded()) {
            log.debug("{} processed a batch of {} from {}", name(), batch.size(), queueArn);
        } else {
            log.warn(
                    "{}: {} of {} messages failed ({}); they return after the visibility timeout",
                    name(),
                    outcome.failedMessageIds().size(),
                    batch.size(),
                    outcome.reason());
        }
    }

    private void delete(List<Message> messages) {
        for (int start = 0; start < messages.size(); start += MAX_MESSAGES_PER_RECEIVE) {
            List<Message> chunk = messages.subList(start, Math.min(start + MAX_MESSAGES_PER_RECEIVE, messages.size()));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(String.valueOf(i))
                        .receiptHandle(chunk.get(i).receiptHandle())
                        .build());
            }
            try {
                DeleteMessageBatchResponse response = sqs.deleteMessageBatch(
                        request -> request.queueUrl(queueUrl).entries(entries));
                response.failed()
                        .forEach(failure -> log.warn(
                                "{} could not delete a processed message from {}: {}",
                                name(),
                                queueUrl,
                                failure.message()));
            } catch (SdkException failure) {
                log.warn("{} could not delete processed messages from {}: {}", name(), queueUrl, failure.getMessage());
            }
        }
    }

    private String region() {
        return queueArn.split(":")[3];
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_RECEIVE_ERROR);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling, then lets the batches in flight settle (deleting what succeeded) for a bounded time. */
    @Override
    public void close() {
        running = false;
        try {
            if (poller != null && !poller.join(POLLER_STOP_TIMEOUT)) {
                log.warn("{} poller did not stop within {}", name(), POLLER_STOP_TIMEOUT);
            }
            batches.shutdown();
            if (!batches.awaitTermination(IN_FLIGHT_BATCHES_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                batches.shutdownNow();
            }
        } catch (InterruptedException e) {
            batches.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
