package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.lambda.AsyncInvoker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.core.JacksonException;

/**
 * A queue the local runtime owns, through which SNS or EventBridge delivers to a function: each message becomes
 * one asynchronous invoke and is deleted once Lambda has accepted it. A message whose invoke was refused comes
 * back after the visibility timeout, like an event Lambda could not yet take.
 */
final class InternalQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InternalQueue.class);
    private static final int LONG_POLL_SECONDS = 1;
    private static final Duration PAUSE_AFTER_RECEIVE_ERROR = Duration.ofSeconds(1);
    private static final Duration POLLER_STOP_TIMEOUT = Duration.ofSeconds(40);

    private final SqsClient sqs;
    private final String url;
    private final String arn;
    private volatile boolean running;
    private Thread poller;

    private InternalQueue(SqsClient sqs, String url, String arn) {
        this.sqs = sqs;
        this.url = url;
        this.arn = arn;
    }

    /** Creates the queue; a name ending in {@code .fifo} makes a FIFO queue, as FIFO topics need. */
    static InternalQueue create(SqsClient sqs, String name) {
        Map<QueueAttributeName, String> attributes = name.endsWith(".fifo")
                ? Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")
                : Map.of();
        String url = sqs.createQueue(request -> request.queueName(name).attributes(attributes))
                .queueUrl();
        String arn = sqs.getQueueAttributes(
                        request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        return new InternalQueue(sqs, url, arn);
    }

    String arn() {
        return arn;
    }

    /**
     * Starts handing every message to the function.
     *
     * @param toEvent turns a message body into the event the function receives, or null for a message that is no
     *     event for the function (S3's test event), which is deleted
     */
    void deliverTo(String functionLogicalId, Function<String, byte[]> toEvent, AsyncInvoker invoker) {
        running = true;
        poller = Thread.ofVirtual()
                .name("internal-queue-" + functionLogicalId)
                .start(() -> poll(functionLogicalId, toEvent, invoker));
    }

    private void poll(String functionLogicalId, Function<String, byte[]> toEvent, AsyncInvoker invoker) {
        while (running) {
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(request ->
                                request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(LONG_POLL_SECONDS))
                        .messages();
            } catch (SdkException failure) {
                if (running) {
                    log.warn("Cannot receive from {}: {}", url, failure.getMessage());
                    pause();
                }
                continue;
            }
            messages.forEach(message -> deliver(message, functionLogicalId, toEvent, invoker));
        }
    }

    private void deliver(
            Message message, String functionLogicalId, Function<String, byte[]> toEvent, AsyncInvoker invoker) {
        byte[] event;
        try {
            event = toEvent.apply(message.body());
        } catch (JacksonException unreadable) {
            // Dropped rather than left to come back forever: only a broken emulator writes such a message here.
            log.warn("Dropping unreadable message {} from {}: {}", message.messageId(), url, unreadable.getMessage());
            delete(message);
            return;
        }
        if (event == null) {
            delete(message);
            return;
        }
        try {
            String requestId = invoker.invokeAsync(functionLogicalId, event);
            log.debug(
                    "{} accepted message {} from {} as request {}",
                    functionLogicalId,
                    message.messageId(),
                    arn,
                    requestId);
        } catch (RuntimeException refused) {
            log.warn(
                    "{} did not accept message {}; it returns after the visibility timeout",
                    functionLogicalId,
                    message.messageId(),
                    refused);
            return;
        }
        delete(message);
    }

    private void delete(Message message) {
        try {
            sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
        } catch (SdkException failure) {
            log.warn("Could not delete message {} from {}: {}", message.messageId(), url, failure.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_RECEIVE_ERROR);
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    /** Stops delivering and deletes the queue, so a later run starts from a clean subscription. */
    @Override
    public void close() {
        running = false;
        try {
            if (poller != null && !poller.join(POLLER_STOP_TIMEOUT)) {
                log.warn("The poller of {} did not stop within {}", url, POLLER_STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            sqs.deleteQueue(request -> request.queueUrl(url));
        } catch (SdkException failure) {
            log.warn("Could not delete the internal queue {}: {}", url, failure.getMessage());
        }
    }
}
