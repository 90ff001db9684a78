package dev.serverlesspatterns.local.testing;

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
 * A subscriber the test brings along: a queue of its own subscribed to one of the template's topics with raw delivery
 * and no filter policy. It sees every message a function published there, exactly as a subscribing service would, so
 * a test can tell "published, filtered out everywhere" from "never published". It reads the template's own queues the
 * same way, to compare with what their filter policies let through. Close it after the test.
 */
public final class TopicTap implements AutoCloseable {

    private final ProvisionedStack stack;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final String tapUrl;
    private final String tapSubscription;

    public TopicTap(ProvisionedStack stack, String topicLogicalId) {
        this.stack = stack;
        this.sqs = stack.client(SqsClient.builder());
        this.sns = stack.client(SnsClient.builder());
        this.tapUrl = sqs.createQueue(create -> create.queueName("tap-" + UUID.randomUUID()))
                .queueUrl();
        String tapArn = sqs.getQueueAttributes(get -> get.queueUrl(tapUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        this.tapSubscription = sns.subscribe(subscribe -> subscribe
                        .topicArn(stack.physicalName(topicLogicalId))
                        .protocol("sqs")
                        .endpoint(tapArn)
                        .attributes(Map.of("RawMessageDelivery", "true"))
                        .returnSubscriptionArn(true))
                .subscriptionArn();
    }

    /**
     * What was published whose body contains {@code marker} (a test's own id), taken off the tap once
     * {@code expected} arrived or {@code within} passed; ask for one more than should come to wait for "nothing
     * more". Other messages stay for their tests.
     */
    public List<Message> published(String marker, int expected, Duration within) {
        return receive(tapUrl, marker, expected, within);
    }

    /** The same, from one of the template's queues. */
    public List<Message> take(String queueLogicalId, String marker, int expected, Duration within) {
        return receive(stack.physicalName(queueLogicalId), marker, expected, within);
    }

    private List<Message> receive(String queueUrl, String marker, int expected, Duration within) {
        List<Message> taken = new ArrayList<>();
        Instant deadline = Instant.now().plus(within);
        do {
            for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All"))
                    .messages()) {
                if (message.body().contains(marker)) {
                    taken.add(message);
                    sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
        } while (taken.size() < expected && Instant.now().isBefore(deadline));
        return taken;
    }

    @Override
    public void close() {
        sns.unsubscribe(unsubscribe -> unsubscribe.subscriptionArn(tapSubscription));
        sqs.deleteQueue(delete -> delete.queueUrl(tapUrl));
        sns.close();
        sqs.close();
    }
}
