package dev.serverlesspatterns.paymentwebhooks.webhook;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Reads what the recorder sent to the FIFO ledger queue (no event source drains it in these tests). */
final class LedgerQueueProbe implements AutoCloseable {

    private final SqsClient sqs;
    private final String queueUrl;

    LedgerQueueProbe(ProvisionedStack stack) {
        this.sqs = stack.client(SqsClient.builder());
        this.queueUrl = stack.physicalName("AccountLedgerQueue");
    }

    /** Takes every message off the queue. */
    List<Message> drain() {
        List<Message> drained = new ArrayList<>();
        List<Message> received;
        do {
            received = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages();
            received.forEach(message ->
                    sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle())));
            drained.addAll(received);
        } while (!received.isEmpty());
        return drained;
    }

    /** The drained messages of one account (its message group). */
    List<Message> drainAccount(String accountId) {
        return drain().stream()
                .filter(message ->
                        accountId.equals(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)))
                .toList();
    }

    @Override
    public void close() {
        sqs.close();
    }
}
