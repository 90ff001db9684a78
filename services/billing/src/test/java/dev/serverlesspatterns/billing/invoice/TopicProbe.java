package dev.serverlesspatterns.billing.invoice;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A subscriber the test brings along: its own queue, subscribed to the billing-notifications topic with raw delivery
 * and no filter, so it sees every message billing publishes exactly as a subscribing service would.
 */
final class TopicProbe implements AutoCloseable {

    private final SqsClient sqs;
    private final SnsClient sns;
    private final String queueUrl;
    private final String subscriptionArn;

    TopicProbe(ProvisionedStack stack) {
        this.sqs = stack.client(SqsClient.builder());
        this.sns = stack.client(SnsClient.builder());
        this.queueUrl = sqs.createQueue(create -> create.queueName("billing-probe-" + UUID.randomUUID()))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(
                        get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        this.subscriptionArn = sns.subscribe(subscribe -> subscribe
                        .topicArn(stack.physicalName("BillingNotificationsTopic"))
                        .protocol("sqs")
                        .endpoint(queueArn)
                        .attributes(Map.of("RawMessageDelivery", "true"))
                        .returnSubscriptionArn(true))
                .subscriptionArn();
    }

    /** Every message that arrives within {@code period}, taken off the queue. */
    List<Message> messagesWithin(Duration period) {
        List<Message> received = new ArrayList<>();
        Instant end = Instant.now().plus(period);
        while (Instant.now().isBefore(end)) {
            List<Message> batch = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All"))
                    .messages();
            batch.forEach(message ->
                    sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle())));
            received.addAll(batch);
        }
        return received;
    }

    @Override
    public void close() {
        sns.unsubscribe(unsubscribe -> unsubscribe.subscriptionArn(subscriptionArn));
        sqs.deleteQueue(delete -> delete.queueUrl(queueUrl));
        sns.close();
        sqs.close();
    }
}
