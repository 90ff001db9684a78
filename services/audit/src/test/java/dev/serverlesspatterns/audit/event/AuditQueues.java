package dev.serverlesspatterns.audit.event;

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
 * Reads the template's audit queues, and a tap: a queue of this test subscribed to the topic without a filter policy
 * (raw delivery), which sees every message the function published, so a test can tell "published, filtered out
 * everywhere" from "never published". Only messages about one entity id are taken; others stay for their tests.
 */
final class AuditQueues implements AutoCloseable {

    static final String CREATED = "CreatedAuditQueue";
    static final String NOT_CREATED = "NotCreatedAuditQueue";

    private final ProvisionedStack stack;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final String tapUrl;
    private final String tapSubscription;

    AuditQueues(ProvisionedStack stack) {
        this.stack = stack;
        this.sqs = stack.client(SqsClient.builder());
        this.sns = stack.client(SnsClient.builder());
        this.tapUrl = sqs.createQueue(create -> create.queueName("audit-tap-" + UUID.randomUUID()))
                .queueUrl();
        String tapArn = sqs.getQueueAttributes(get -> get.queueUrl(tapUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        this.tapSubscription = sns.subscribe(subscribe -> subscribe
                        .topicArn(stack.physicalName("AuditEventsTopic"))
                        .protocol("sqs")
                        .endpoint(tapArn)
                        .attributes(Map.of("RawMessageDelivery", "true"))
                        .returnSubscriptionArn(true))
                .subscriptionArn();
    }

    /** Messages about the entity on a template queue, once {@code expected} arrived or {@code within} passed. */
    List<Message> take(String queue, String entityId, int expected, Duration within) {
        return receive(stack.physicalName(queue), entityId, expected, within);
    }

    /** What the function published about the entity, whatever the filter policies made of it. */
    List<Message> published(String entityId, int expected, Duration within) {
        return receive(tapUrl, entityId, expected, within);
    }

    private List<Message> receive(String queueUrl, String entityId, int expected, Duration within) {
        List<Message> taken = new ArrayList<>();
        Instant deadline = Instant.now().plus(within);
        do {
            for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .messageAttributeNames("All"))
                    .messages()) {
                if (message.body().contains(entityId)) {
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
