package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every event source of the messaging test template, started from the template: its queue and topic are
 * created here directly, standing in for the provisioned stack.
 */
@ExtendWith(SharedEmulator.class)
class TemplateEventSourcesTest {

    private static final String STACK = "wiring-test";
    private static final Duration DELIVERY = Duration.ofSeconds(15);

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static EventBridgeClient events;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        sns = emulator.endpoint().configure(SnsClient.builder());
        events = emulator.endpoint().configure(EventBridgeClient.builder());
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
        sns.close();
        events.close();
    }

    @Test
    void runsTheSqsSnsAndEventBridgeEventsOfEveryFunction() {
        // given the template's work queue and notifications topic
        TestQueue workQueue = TestQueue.create(sqs, STACK + "-WorkQueue", Map.of());
        String topicArn = sns.createTopic(request -> request.name(STACK + "-NotificationsTopic"))
                .topicArn();
        StackResources resources = new StackResources(
                Map.of("NotificationsTopic", topicArn),
                Map.of("WorkQueue.QueueUrl", workQueue.url(), "WorkQueue.Arn", workQueue.arn()));
        RecordingInvoker lambda = RecordingInvoker.succeeding();
        RecordingAsyncInvoker asyncLambda = new RecordingAsyncInvoker();

        try (var sources = EventSources.start(
                messagingTemplate(),
                STACK,
                new Intrinsics(
                        Map.of(), Map.of("AWS::Region", emulator.endpoint().region()), resources),
                resources,
                emulator.endpoint(),
                new EventSources.Invokers(lambda, asyncLambda))) {
            // when a message, a notification and an event arrive
            workQueue.send(sqs, "{\"workId\":\"w-1\"}");
            sns.publish(request -> request.topicArn(topicArn).message("{\"kind\":\"urgent\"}"));
            events.putEvents(request -> request.entries(PutEventsRequestEntry.builder()
                    .source("shop.audit")
                    .detailType("AuditRecorded")
                    .detail("{\"orderId\":\"o-1\"}")
                    .build()));

            // then each reaches the function the template wires it to, in that source's event shape
            await().atMost(DELIVERY).until(() -> !lambda.records().isEmpty());
            assertThat(lambda.invocations()).singleElement().satisfies(invocation -> {
                assertThat(invocation.functionLogicalId()).isEqualTo("ProcessWorkFunction");
                assertThat(invocation
                                .records()
                                .getFirst()
                                .path("eventSourceARN")
                                .asString())
                        .isEqualTo(workQueue.arn());
            });
            await().atMost(DELIVERY)
                    .until(() -> asyncLambda.eventsFor("NotifyFunction").size() == 2);
            assertThat(asyncLambda.eventsFor("NotifyFunction"))
                    .anySatisfy(event -> assertThat(
                                    event.at("/Records/0/Sns/Message").asString())
                            .isEqualTo("{\"kind\":\"urgent\"}"))
                    .anySatisfy(event ->
                            assertThat(event.at("/detail/orderId").asString()).isEqualTo("o-1"));
        }

        // and once stopped, the internal queues and the subscription are gone
        assertThat(sqs.listQueues(request -> request.queueNamePrefix(STACK + "-NotifyFunction"))
                        .queueUrls())
                .isEmpty();
        assertThat(sns.listSubscriptionsByTopic(request -> request.topicArn(topicArn))
                        .subscriptions())
                .isEmpty();
    }

    /** The provisioned stack's answers for the two resources the template's events name. */
    private record StackResources(Map<String, String> refs, Map<String, String> attributes)
            implements Intrinsics.Resources {

        @Override
        public String ref(String logicalId) {
            return refs.get(logicalId);
        }

        @Override
        public String attribute(String logicalId, String attribute) {
            return attributes.get(logicalId + "." + attribute);
        }
    }

    private static SamTemplate messagingTemplate() {
        try {
            return SamTemplate.load(Path.of(TemplateEventSourcesTest.class
                    .getResource("/templates/messaging.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
