package dev.serverlesspatterns.redrive;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queues in the emulator, named apart for each test, and the looks into them that the tests need. */
final class TestQueues {

    /** A source queue and the dead-letter queue its RedrivePolicy names. */
    record Pair(String source, String deadLetters) {}

    private final SqsClient sqs;

    TestQueues(SqsClient sqs) {
        this.sqs = sqs;
    }

    Pair standard(String name) {
        String base = unique(name);
        return pair(base, base + "-dlq", false);
    }

    Pair fifo(String name) {
        String base = unique(name);
        return pair(base + ".fifo", base + "-dlq.fifo", true);
    }

    /** A source queue and its dead-letter queue, with exactly these names. */
    Pair pair(String sourceName, String deadLetterName, boolean fifo) {
        String deadLetters = create(deadLetterName, fifo);
        String deadLetterArn = sqs.getQueueAttributes(
                        request -> request.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String source = create(sourceName, fifo);
        sqs.setQueueAttributes(request -> request.queueUrl(source)
                .attributes(Map.of(
                        QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":3}")));
        return new Pair(source, deadLetters);
    }

    String standalone(String name) {
        return create(unique(name), false);
    }

    String create(String name, boolean fifo) {
        Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
        if (fifo) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        return sqs.createQueue(request -> request.queueName(name).attributes(attributes))
                .queueUrl();
    }

    void send(String queueUrl, String body, Map<String, MessageAttributeValue> attributes) {
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body).messageAttributes(attributes));
    }

    void sendFifo(String queueUrl, String body, String groupId) {
        sqs.sendMessage(request -> request.queueUrl(queueUrl)
                .messageBody(body)
                .messageGroupId(groupId)
                .messageDeduplicationId(UUID.randomUUID().toString()));
    }

    /** Takes every message out of the queue, in the order SQS hands them out. */
    List<Message> drain(String queueUrl) {
        List<Message> drained = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All"))
                    .messages();
            batch.forEach(message ->
                    sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle())));
            drained.addAll(batch);
        } while (!batch.isEmpty());
        return drained;
    }

    List<String> drainBodies(String queueUrl) {
        return drain(queueUrl).stream().map(Message::body).toList();
    }

    /** Messages waiting to be received, and messages received but neither deleted nor visible again yet. */
    Counts counts(String queueUrl) {
        Map<String, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributesAsStrings();
        return new Counts(
                Integer.parseInt(attributes.get("ApproximateNumberOfMessages")),
                Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible")));
    }

    record Counts(int visible, int inFlight) {}

    /** An emulator reused through AWS_ENDPOINT_URL keeps queues between runs: every run names its own. */
    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
