package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.template.FunctionDefinition.SnsEvent;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;

/** SNS subscriptions of functions: filtered notifications reach the function asynchronously as an SNSEvent. */
@ExtendWith(SharedEmulator.class)
class SnsToFunctionTest {

    private static final String FUNCTION = "NotifyFunction";
    private static final Duration DELIVERY = Duration.ofSeconds(10);

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static SnsClient sns;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        sns = emulator.endpoint().configure(SnsClient.builder());
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
        sns.close();
    }

    @Test
    void deliversAMatchingNotificationOnceAsAnSnsEvent(TestInfo test) {
        // given a function subscribed to a topic with a filter on message attributes
        String topicArn = topic(test);
        RecordingAsyncInvoker lambda = new RecordingAsyncInvoker();
        SnsEvent event = snsEvent("MessageAttributes", Map.of("kind", List.of("urgent")));

        try (var subscription = SnsToFunction.start(sqs, sns, "sns-test", event, topicArn, lambda)) {
            // when a routine notification and then an urgent one are published
            publish(topicArn, "{\"orderId\":\"routine\"}", "routine");
            String messageId = publish(topicArn, "{\"orderId\":\"o-1\"}", "urgent");

            // then only the urgent one reaches the function, once, as one record with the notification's fields
            await().atMost(DELIVERY).until(() -> !lambda.accepted().isEmpty());
            await().during(Duration.ofSeconds(2))
                    .atMost(DELIVERY)
                    .until(() -> lambda.accepted().size() == 1);
            JsonNode record =
                    lambda.eventsFor(FUNCTION).getFirst().path("Records").get(0);
            assertThat(lambda.eventsFor(FUNCTION).getFirst().path("Records").size())
                    .isEqualTo(1);
            assertThat(record.path("EventSource").asString()).isEqualTo("aws:sns");
            assertThat(record.path("EventSubscriptionArn").asString()).startsWith(topicArn + ":");
            JsonNode notification = record.path("Sns");
            assertThat(notification.path("MessageId").asString()).isEqualTo(messageId);
            assertThat(notification.path("TopicArn").asString()).isEqualTo(topicArn);
            assertThat(notification.path("Subject").asString()).isEqualTo("Order update");
            assertThat(notification.path("Message").asString()).isEqualTo("{\"orderId\":\"o-1\"}");
            assertThat(notification
                            .path("MessageAttributes")
                            .path("kind")
                            .path("Type")
                            .asString())
                    .isEqualTo("String");
            assertThat(notification
                            .path("MessageAttributes")
                            .path("kind")
                            .path("Value")
                            .asString())
                    .isEqualTo("urgent");
        }
    }

    @Test
    void buildsTheFieldsOfAnSnsEventCapturedOnAws(TestInfo test) {
        // given a subscription without a filter
        String topicArn = topic(test);
        RecordingAsyncInvoker lambda = new RecordingAsyncInvoker();

        try (var subscription =
                SnsToFunction.start(sqs, sns, "sns-test", snsEvent("MessageAttributes", Map.of()), topicArn, lambda)) {
            // when a notification is published
            publish(topicArn, "hello", "urgent");

            // then the event has the record and notification fields of a real SNSEvent
            await().atMost(DELIVERY).until(() -> !lambda.accepted().isEmpty());
        }
        JsonNode captured = EventFixtures.read("sns-event.json").path("Records").get(0);
        JsonNode record = lambda.eventsFor(FUNCTION).getFirst().path("Records").get(0);
        assertThat(record.propertyNames()).containsExactlyInAnyOrderElementsOf(captured.propertyNames());
        assertThat(record.path("Sns").propertyNames())
                .containsExactlyInAnyOrderElementsOf(captured.path("Sns").propertyNames());
        assertThat(record.path("Sns").path("SigningCertUrl").asString()).startsWith("https://");
    }

    @Test
    void filtersOnTheMessageBodyWhenTheScopeSaysSo(TestInfo test) {
        // given a subscription filtering the body, as the messaging template's NotifyFunction does
        String topicArn = topic(test);
        RecordingAsyncInvoker lambda = new RecordingAsyncInvoker();
        SnsEvent event = snsEvent("MessageBody", Map.of("kind", List.of("urgent")));

        try (var subscription = SnsToFunction.start(sqs, sns, "sns-test", event, topicArn, lambda)) {
            // when a routine and an urgent body are published
            sns.publish(request -> request.topicArn(topicArn).message("{\"kind\":\"routine\"}"));
            sns.publish(request -> request.topicArn(topicArn).message("{\"kind\":\"urgent\"}"));

            // then only the urgent one is delivered
            await().atMost(DELIVERY).until(() -> !lambda.accepted().isEmpty());
            await().during(Duration.ofSeconds(2))
                    .atMost(DELIVERY)
                    .until(() -> lambda.accepted().size() == 1);
            assertThat(lambda.accepted()
                            .getFirst()
                            .event()
                            .at("/Records/0/Sns/Message")
                            .asString())
                    .isEqualTo("{\"kind\":\"urgent\"}");
        }
    }

    @Test
    void closingRemovesTheSubscriptionAndItsQueue(TestInfo test) {
        // given a running subscription
        String topicArn = topic(test);
        var subscription = SnsToFunction.start(
                sqs, sns, "sns-test", snsEvent("MessageAttributes", Map.of()), topicArn, new RecordingAsyncInvoker());

        // when it is closed
        subscription.close();

        // then the topic has no subscriber left and the internal queue is gone
        assertThat(sns.listSubscriptionsByTopic(request -> request.topicArn(topicArn))
                        .subscriptions())
                .isEmpty();
        assertThat(sqs.listQueues(request -> request.queueNamePrefix("sns-test-" + FUNCTION))
                        .queueUrls())
                .isEmpty();
    }

    private static String topic(TestInfo test) {
        return sns.createTopic(request ->
                        request.name(test.getTestMethod().orElseThrow().getName()))
                .topicArn();
    }

    private static String publish(String topicArn, String message, String kind) {
        return sns.publish(request -> request.topicArn(topicArn)
                        .subject("Order update")
                        .message(message)
                        .messageAttributes(Map.of(
                                "kind",
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue(kind)
                                        .build())))
                .messageId();
    }

    private static SnsEvent snsEvent(String scope, Map<String, Object> filterPolicy) {
        return new SnsEvent(FUNCTION, "Notification", Map.of(), filterPolicy, scope, Map.of());
    }
}
