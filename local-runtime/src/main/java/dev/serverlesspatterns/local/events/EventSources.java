package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.invoke.FailureDestination;
import dev.serverlesspatterns.local.lambda.AsyncInvoker;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.DeliveryStreamDefinition;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.FunctionDefinition.EventBridgeRuleEvent;
import dev.serverlesspatterns.local.template.FunctionDefinition.S3Event;
import dev.serverlesspatterns.local.template.FunctionDefinition.SnsEvent;
import dev.serverlesspatterns.local.template.FunctionDefinition.SqsEvent;
import dev.serverlesspatterns.local.template.FunctionDefinition.StreamEvent;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every event source the template gives its functions, running: SQS, DynamoDB stream and Kinesis event source
 * mappings invoke synchronously; SNS subscriptions, EventBridge rules and S3 notifications invoke asynchronously
 * ({@code Api} events are the gateway's). A template with any other event type is refused, rather than leaving a function silently unfed.
 * Firehose delivery streams from a Kinesis stream to S3 run here too ({@link FirehoseDelivery}), as the emulator
 * cannot run them.
 * Closing stops them all and removes what they created in the emulator.
 */
public final class EventSources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventSources.class);

    /** The SAM event types the local runtime runs; {@code Api} events are served by the gateway. */
    public static final Set<String> SUPPORTED_EVENT_TYPES =
            Set.of("Api", "SQS", "SNS", "EventBridgeRule", "DynamoDB", "Kinesis", "S3");

    private final List<EventSource> running;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final EventBridgeClient events;
    private final DynamoDbStreamsClient streams;
    private final KinesisClient kinesis;
    private final S3Client s3;

    private EventSources(
            List<EventSource> running,
            SqsClient sqs,
            SnsClient sns,
            EventBridgeClient events,
            DynamoDbStreamsClient streams,
            KinesisClient kinesis,
            S3Client s3) {
        this.running = running;
        this.sqs = sqs;
        this.sns = sns;
        this.events = events;
        this.streams = streams;
        this.kinesis = kinesis;
        this.s3 = s3;
    }

    /** The template's function events the local runtime cannot run, as {@code Function.Event (Type)}. */
    public static Set<String> unsupportedEventTypes(SamTemplate template) {
        Set<String> unsupported = new TreeSet<>();
        for (FunctionDefinition function : template.functions()) {
            for (Map.Entry<String, String> event : function.eventTypes().entrySet()) {
                if (!SUPPORTED_EVENT_TYPES.contains(event.getValue())) {
                    unsupported.add(function.logicalId() + "." + event.getKey() + " (" + event.getValue() + ")");
                }
            }
        }
        return unsupported;
    }

    /** Starts the event sources of the provisioned stack's functions. */
    public static EventSources start(Stack stack, LambdaInvoker invoker, AsyncInvoker asyncInvoker) {
        return start(
                stack.template(),
                stack.stackName(),
                stack.intrinsics(),
                stack,
                stack.endpoint(),
                new Invokers(invoker, asyncInvoker));
    }

    record Invokers(LambdaInvoker synchronous, AsyncInvoker asynchronous) {}

    /**
     * @param resources where the template's queues are: {@code QueueUrl} and {@code Arn} of the queue an SQS event
     *     names; a function's {@code Arn} for the failure records of its stream events
     */
    static EventSources start(
            SamTemplate template,
            String stackName,
            Intrinsics intrinsics,
            Intrinsics.Resources resources,
            AwsEndpoint endpoint,
            Invokers invokers) {
        Set<String> unsupported = unsupportedEventTypes(template);
        if (!unsupported.isEmpty()) {
            throw new IllegalStateException("The local runtime cannot run the events " + unsupported
                    + ": add support in " + EventSources.class.getName());
        }
        SqsClient sqs = endpoint.configure(SqsClient.builder());
        SnsClient sns = endpoint.configure(SnsClient.builder());
        EventBridgeClient events = endpoint.configure(EventBridgeClient.builder());
        DynamoDbStreamsClient streams = endpoint.configure(DynamoDbStreamsClient.builder());
        S3Client s3 = endpoint.s3();
        KinesisClient kinesis = endpoint.kinesis();
        EventSources sources = new EventSources(new ArrayList<>(), sqs, sns, events, streams, kinesis, s3);
        try {
            for (FunctionDefinition function : template.functions()) {
                for (SqsEvent event : function.sqsEvents()) {
                    if (!enabled(function, event.name(), event.enabled())) {
                        continue;
                    }
                    String queue = intrinsics.referencedResource(event.queue());
                    sources.running.add(new SqsEventSourceMapping(
                                    sqs,
                                    event,
                                    resources.attribute(queue, "QueueUrl"),
                                    resources.attribute(queue, "Arn"),
                                    invokers.synchronous())
                            .start());
                }
                for (StreamEvent event : function.streamEvents()) {
                    if (!enabled(function, event.name(), event.enabled())) {
                        continue;
                    }
                    sources.running.add(StreamEventSourceMapping.dynamoDb(
                            streams,
                            event,
                            intrinsics.resolveString(event.stream()),
                            resources.attribute(function.logicalId(), "Arn"),
                            onFailure(function, event, intrinsics, sqs, sns),
                            invokers.synchronous(),
                            Clock.systemUTC()));
                }
                for (StreamEvent event : function.kinesisEvents()) {
                    if (!enabled(function, event.name(), event.enabled())) {
                        continue;
                    }
                    sources.running.add(StreamEventSourceMapping.kinesis(
                            kinesis,
                            event,
                            intrinsics.resolveString(event.stream()),
                            "arn:aws:iam::" + AwsEndpoint.ACCOUNT_ID + ":role/" + function.logicalId() + "Role",
                            resources.attribute(function.logicalId(), "Arn"),
                            onFailure(function, event, intrinsics, sqs, sns),
                            invokers.synchronous(),
                            Clock.systemUTC()));
                }
                for (SnsEvent event : function.snsEvents()) {
                    sources.running.add(SnsToFunction.start(
                            sqs,
                            sns,
                            stackName,
                            event,
                            intrinsics.resolveString(event.topic()),
                            invokers.asynchronous()));
                }
                for (EventBridgeRuleEvent event : function.eventBridgeRuleEvents()) {
                    sources.running.add(EventBridgeToFunction.start(
                            sqs,
                            events,
                            stackName,
                            event,
                            intrinsics.resolveString(event.eventBusName()),
                            invokers.asynchronous()));
                }
                for (S3Event event : function.s3Events()) {
                    sources.running.add(S3ToFunction.start(
                            sqs,
                            s3,
                            stackName,
                            event,
                            intrinsics.resolveString(event.bucket()),
                            intrinsics.resolveString(Map.of("Ref", "AWS::AccountId")),
                            invokers.asynchronous(),
                            Clock.systemUTC()));
                }
            }
            for (var resource : template.resources().values()) {
                if (resource.type().equals(DeliveryStreamDefinition.TYPE)) {
                    sources.running.add(FirehoseDelivery.start(
                            kinesis,
                            sources.s3,
                            firehoseSettings(DeliveryStreamDefinition.of(resource), intrinsics),
                            Clock.systemUTC()));
                }
            }
            return sources;
        } catch (RuntimeException failure) {
            sources.close();
            throw failure;
        }
    }

    private static boolean enabled(FunctionDefinition function, String event, boolean enabled) {
        if (!enabled) {
            log.info("{}.{} is disabled in the template", function.logicalId(), event);
        }
        return enabled;
    }

    /** The stream event's on-failure destination; null when it names none. */
    private static FailureDestination onFailure(
            FunctionDefinition function, StreamEvent event, Intrinsics intrinsics, SqsClient sqs, SnsClient sns) {
        return event.onFailureDestination() == null
                ? null
                : FailureDestination.of(
                        function.logicalId() + "." + event.name(),
                        intrinsics.resolveString(event.onFailureDestination()),
                        sqs,
                        sns);
    }

    private static FirehoseDelivery.Settings firehoseSettings(
            DeliveryStreamDefinition definition, Intrinsics intrinsics) {
        String bucketArn = intrinsics.resolveString(definition.bucket());
        return new FirehoseDelivery.Settings(
                intrinsics.resolveString(Map.of("Ref", definition.logicalId())),
                intrinsics.resolveString(definition.sourceStream()),
                bucketArn.substring(bucketArn.lastIndexOf(':') + 1),
                definition.prefix() == null ? "" : intrinsics.resolveString(definition.prefix()),
                Duration.ofSeconds(Long.parseLong(intrinsics.resolveString(definition.intervalSeconds()))),
                Long.parseLong(intrinsics.resolveString(definition.sizeMegabytes())) * 1024 * 1024,
                definition.appendDelimiter());
    }

    @Override
    public void close() {
        // Each source closes on its own thread: a mapping may wait for its batches in flight.
        List<Thread> closing = running.stream()
                .map(source -> Thread.ofVirtual().start(() -> stop(source)))
                .toList();
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sqs.close();
        sns.close();
        events.close();
        streams.close();
        kinesis.close();
        s3.close();
    }

    private static void stop(EventSource source) {
        try {
            source.close();
        } catch (RuntimeException failure) {
            log.warn("Could not stop {}", source, failure);
        }
    }
}
