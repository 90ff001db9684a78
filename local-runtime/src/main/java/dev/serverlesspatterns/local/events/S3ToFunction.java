package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.lambda.AsyncInvoker;
import dev.serverlesspatterns.local.template.FunctionDefinition.S3Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One {@code S3} event of a function, as S3 runs it: each matching object event invokes the function
 * asynchronously with Lambda's S3 event. The emulator cannot call a local function, so the bucket notifies an
 * internal queue named {@code <stack>-<function>-<event>-s3} that this class owns and polls; the bucket's other
 * notifications are kept.
 */
public final class S3ToFunction implements EventSource {

    private static final Logger log = LoggerFactory.getLogger(S3ToFunction.class);

    private final S3Client s3;
    private final String bucket;
    private final String configurationId;
    private final InternalQueue queue;

    private S3ToFunction(S3Client s3, String bucket, String configurationId, InternalQueue queue) {
        this.s3 = s3;
        this.bucket = bucket;
        this.configurationId = configurationId;
        this.queue = queue;
    }

    public static S3ToFunction start(
            SqsClient sqs,
            S3Client s3,
            String stackName,
            S3Event event,
            String bucket,
            String accountId,
            AsyncInvoker invoker,
            Clock clock) {
        String configurationId = event.functionLogicalId() + "-" + event.name();
        InternalQueue queue = InternalQueue.create(sqs, stackName + "-" + configurationId + "-s3");
        try {
            QueueConfiguration.Builder notification = QueueConfiguration.builder()
                    .id(configurationId)
                    .queueArn(queue.arn())
                    .eventsWithStrings(event.events());
            if (!event.keyFilters().isEmpty()) {
                notification.filter(filter -> filter.key(key -> key.filterRules(event.keyFilters().entrySet().stream()
                        .map(rule -> FilterRule.builder()
                                .name(rule.getKey())
                                .value(rule.getValue())
                                .build())
                        .toList())));
            }
            List<QueueConfiguration> queues = new ArrayList<>(otherQueueNotifications(s3, bucket, configurationId));
            queues.add(notification.build());
            putQueueNotifications(s3, bucket, queues);
            // S3 numbers the events of a key in order; one counter per source keeps that order for a local run.
            AtomicLong sequence = new AtomicLong(clock.millis());
            queue.deliverTo(
                    event.functionLogicalId(),
                    body -> {
                        LambdaS3Event.ObjectEvent object = LambdaS3Event.fromEmulatorNotification(
                                body,
                                clock.instant(),
                                HexFormat.of().withUpperCase().toHexDigits(sequence.incrementAndGet()));
                        return object == null ? null : LambdaS3Event.of(object, accountId);
                    },
                    invoker);
            log.debug("{}.{} notified of {} in {}", event.functionLogicalId(), event.name(), event.events(), bucket);
            return new S3ToFunction(s3, bucket, configurationId, queue);
        } catch (RuntimeException failure) {
            queue.close();
            throw failure;
        }
    }

    private static List<QueueConfiguration> otherQueueNotifications(S3Client s3, String bucket, String id) {
        return s3.getBucketNotificationConfiguration(request -> request.bucket(bucket)).queueConfigurations().stream()
                .filter(configuration -> !id.equals(configuration.id()))
                .toList();
    }

    private static void putQueueNotifications(S3Client s3, String bucket, List<QueueConfiguration> queues) {
        s3.putBucketNotificationConfiguration(request -> request.bucket(bucket)
                .notificationConfiguration(NotificationConfiguration.builder()
                        .queueConfigurations(queues)
                        .build()));
    }

    @Override
    public void close() {
        try {
            putQueueNotifications(s3, bucket, otherQueueNotifications(s3, bucket, configurationId));
        } catch (SdkException failure) {
            log.warn("Could not remove the notification {} of {}: {}", configurationId, bucket, failure.getMessage());
        }
        queue.close();
    }
}
