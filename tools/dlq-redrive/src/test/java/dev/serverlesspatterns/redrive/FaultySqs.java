package dev.serverlesspatterns.redrive;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The real client talking to the emulator, with one injected fault: sends that start failing, or a process
 * that dies at a delete and makes no call after that, like a killed JVM.
 */
final class FaultySqs implements SqsClient {

    /** What a killed process "throws": nothing after it reaches SQS. */
    static final class ProcessKilled extends RuntimeException {
        ProcessKilled() {
            super("process killed");
        }
    }

    private final SqsClient sqs;
    private final int sendsBeforeFailing;
    private final int deleteThatKills;
    private final AtomicInteger sends = new AtomicInteger();
    private final AtomicInteger deletes = new AtomicInteger();
    private final AtomicBoolean killed = new AtomicBoolean();

    private FaultySqs(SqsClient sqs, int sendsBeforeFailing, int deleteThatKills) {
        this.sqs = sqs;
        this.sendsBeforeFailing = sendsBeforeFailing;
        this.deleteThatKills = deleteThatKills;
    }

    /** Sends succeed {@code count} times, then fail as SQS does when it is unavailable. */
    static FaultySqs failingSendsAfter(SqsClient sqs, int count) {
        return new FaultySqs(sqs, count, Integer.MAX_VALUE);
    }

    /** The process dies instead of making its {@code nth} DeleteMessageBatch call (1 = the first). */
    static FaultySqs killedAtDelete(SqsClient sqs, int nth) {
        return new FaultySqs(sqs, Integer.MAX_VALUE, nth);
    }

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        alive();
        if (sends.incrementAndGet() > sendsBeforeFailing) {
            throw SqsException.builder()
                    .statusCode(503)
                    .message("Service unavailable (injected)")
                    .build();
        }
        return sqs.sendMessage(request);
    }

    @Override
    public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
        alive();
        if (deletes.incrementAndGet() == deleteThatKills) {
            killed.set(true);
            throw new ProcessKilled();
        }
        return sqs.deleteMessageBatch(request);
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        alive();
        return sqs.receiveMessage(request);
    }

    @Override
    public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(
            ChangeMessageVisibilityBatchRequest request) {
        alive();
        return sqs.changeMessageVisibilityBatch(request);
    }

    @Override
    public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
        alive();
        return sqs.getQueueAttributes(request);
    }

    @Override
    public ListDeadLetterSourceQueuesResponse listDeadLetterSourceQueues(ListDeadLetterSourceQueuesRequest request) {
        alive();
        return sqs.listDeadLetterSourceQueues(request);
    }

    @Override
    public String serviceName() {
        return sqs.serviceName();
    }

    /** The test owns the real client. */
    @Override
    public void close() {}

    private void alive() {
        if (killed.get()) {
            throw new ProcessKilled();
        }
    }
}
