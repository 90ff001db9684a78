package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.template.TemplateResource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * {@code AWS::SQS::Queue}: standard and FIFO queues with the timeouts, retention and redrive policy the
 * template declares. The dead-letter queue a redrive policy names exists by then: {@link ProvisioningOrder}
 * creates it first.
 */
final class Queues {

    static final String TYPE = "AWS::SQS::Queue";

    /** Template properties passed to SQS as the queue attributes of the same name. */
    private static final List<QueueAttributeName> TEMPLATE_ATTRIBUTES = List.of(
            QueueAttributeName.VISIBILITY_TIMEOUT,
            QueueAttributeName.MESSAGE_RETENTION_PERIOD,
            QueueAttributeName.DELAY_SECONDS,
            QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
            QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
            QueueAttributeName.CONTENT_BASED_DEDUPLICATION,
            QueueAttributeName.DEDUPLICATION_SCOPE,
            QueueAttributeName.FIFO_THROUGHPUT_LIMIT);

    private Queues() {}

    static void create(SqsClient sqs, TemplateResource resource, Stack stack) {
        Map<String, Object> properties = resource.properties();
        boolean fifo = "true".equals(String.valueOf(stack.resolveAll(properties.get("FifoQueue"))));
        String name = properties.containsKey("QueueName")
                ? stack.intrinsics().resolveString(properties.get("QueueName"))
                : stack.generatedName(resource.logicalId()) + (fifo ? ".fifo" : "");
        Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
        TEMPLATE_ATTRIBUTES.forEach(attribute -> {
            Object value = properties.get(attribute.toString());
            if (value != null) {
                attributes.put(attribute, String.valueOf(stack.resolveAll(value)));
            }
        });
        if (properties.containsKey("RedrivePolicy")) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, stack.resolveJson(properties.get("RedrivePolicy")));
        }
        String url = createOrUpdate(sqs, name, fifo, attributes);
        String arn = sqs.getQueueAttributes(
                        request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        stack.record(resource.logicalId(), url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
    }

    private static String createOrUpdate(
            SqsClient sqs, String name, boolean fifo, Map<QueueAttributeName, String> attributes) {
        Map<QueueAttributeName, String> creation = new EnumMap<>(attributes);
        if (fifo) {
            creation.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        try {
            return sqs.createQueue(request -> request.queueName(name).attributes(creation))
                    .queueUrl();
        } catch (QueueNameExistsException changedSinceLastRun) {
            // An emulator reused across runs still holds the queue with the template's former settings;
            // FifoQueue cannot change, and the .fifo name already pins it.
            String url = sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
            sqs.setQueueAttributes(request -> request.queueUrl(url).attributes(attributes));
            return url;
        }
    }
}
