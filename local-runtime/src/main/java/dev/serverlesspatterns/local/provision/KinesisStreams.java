package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.template.TemplateResource;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;

/**
 * {@code AWS::Kinesis::Stream}: the data stream, named by {@code Name} or after the stack and the logical id, with
 * {@code ShardCount} shards (on-demand streams start with four, as on AWS). Retention and encryption change nothing
 * a local run observes. {@code Ref} is the name, {@code Arn} the ARN.
 */
final class KinesisStreams {

    static final String TYPE = "AWS::Kinesis::Stream";

    /** Shards an on-demand stream starts with on AWS. */
    private static final int ON_DEMAND_SHARDS = 4;

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private KinesisStreams() {}

    static void create(KinesisClient kinesis, TemplateResource resource, Stack stack) {
        Map<String, Object> properties = resource.properties();
        String name = properties.containsKey("Name")
                ? stack.intrinsics().resolveString(properties.get("Name"))
                : stack.generatedName(resource.logicalId());
        boolean onDemand =
                "ON_DEMAND".equals(resource.section("StreamModeDetails").get("StreamMode"));
        int shards = properties.containsKey("ShardCount")
                ? Integer.parseInt(stack.intrinsics().resolveString(properties.get("ShardCount")))
                : onDemand ? ON_DEMAND_SHARDS : 1;
        try {
            kinesis.createStream(request -> request.streamName(name).shardCount(shards));
        } catch (ResourceInUseException reused) {
            // A reused emulator keeps its streams, as CreateQueue and CreateTopic keep theirs.
        }
        waitUntilActive(kinesis, name);
        stack.record(
                resource.logicalId(),
                name,
                Map.of(
                        "Arn",
                        "arn:aws:kinesis:" + stack.endpoint().region() + ":" + AwsEndpoint.ACCOUNT_ID + ":stream/"
                                + name));
    }

    /** The SDK's waiter, polling at the emulator's pace rather than AWS's ten seconds. */
    private static void waitUntilActive(KinesisClient kinesis, String name) {
        kinesis.waiter()
                .waitUntilStreamExists(
                        request -> request.streamName(name),
                        wait -> wait.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(POLL_INTERVAL))
                                .maxAttempts(Integer.MAX_VALUE)
                                .waitTimeout(ACTIVE_TIMEOUT));
    }
}
