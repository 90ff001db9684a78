package dev.serverlesspatterns.platform.messaging;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The batch loop of an SQS consumer whose event source reports batch item failures ({@code ReportBatchItemFailures}):
 * the handler runs on each message, and a message whose handler throws is reported failed alone, so Lambda deletes
 * the others and only it returns to the queue (after {@code maxReceiveCount} receives, to the DLQ with its body
 * unchanged).
 *
 * <p>Each failure is logged at WARN through the consumer's own logger, with the message id and the reason. A failure
 * without a stack trace is logged as its reason alone: {@link UnreadableMessage} is built that way, because its
 * reason says all there is to say and every receive repeats it. Any other failure (a store that is unavailable, a
 * bug) is logged with its stack trace.
 */
public final class SqsBatch {

    private static final String MESSAGE_GROUP_ID = "MessageGroupId";

    private SqsBatch() {}

    /** Handles each message of a standard queue's batch on its own. */
    public static SQSBatchResponse eachMessage(SQSEvent event, Logger log, Consumer<SQSMessage> handler) {
        List<BatchItemFailure> failures = new ArrayList<>();
        for (SQSMessage message : records(event)) {
            try {
                handler.accept(message);
            } catch (RuntimeException failure) {
                warn(log, "Message {} failed and returns to the queue: {}", failure, message.getMessageId());
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * Handles a FIFO queue's batch in delivery order per message group. Once a message of a group fails, every later
     * message of that group in the batch is reported failed without being tried: they all return to the queue and
     * come back behind the failed one, so none is handled out of order. Other groups carry on.
     */
    public static SQSBatchResponse eachMessageInGroupOrder(SQSEvent event, Logger log, Consumer<SQSMessage> handler) {
        List<BatchItemFailure> failures = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        for (SQSMessage message : records(event)) {
            String group = messageGroupId(message);
            if (failedGroups.contains(group)) {
                log.info(
                        "Message {} of group {} returns to the queue untried, behind an earlier failure of its group",
                        message.getMessageId(),
                        group);
                failures.add(new BatchItemFailure(message.getMessageId()));
                continue;
            }
            try {
                handler.accept(message);
            } catch (RuntimeException failure) {
                warn(
                        log,
                        "Message {} of group {} failed and returns to the queue, and its group's later messages with it:"
                                + " {}",
                        failure,
                        message.getMessageId(),
                        group);
                failedGroups.add(group);
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * The message group of a FIFO queue's message. Every such message has one; a message without one (from a standard
     * queue) counts as one group with all others like it, which keeps their order rather than assume none matters.
     */
    public static String messageGroupId(SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        return attributes == null ? "" : attributes.getOrDefault(MESSAGE_GROUP_ID, "");
    }

    private static List<SQSMessage> records(SQSEvent event) {
        return event == null || event.getRecords() == null ? List.of() : event.getRecords();
    }

    /** Logs the format's arguments, then the failure's reason, and its stack trace when it has one. */
    private static void warn(Logger log, String format, RuntimeException failure, Object... facts) {
        boolean traced = failure.getStackTrace().length > 0;
        Object[] arguments = Arrays.copyOf(facts, facts.length + (traced ? 2 : 1));
        arguments[facts.length] = reason(failure);
        if (traced) {
            arguments[facts.length + 1] = failure;
        }
        log.warn(format, arguments);
    }

    private static String reason(RuntimeException failure) {
        String name = failure.getClass().getSimpleName();
        return failure.getMessage() == null ? name : name + ": " + failure.getMessage();
    }
}
