package dev.serverlesspatterns.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lambda's asynchronous invocation: retries, maximum event age and the on-failure destination, with each test's
 * template provisioned in the emulator under a stack of its own.
 */
@ExtendWith(SharedEmulator.class)
class AsyncInvocationsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RetryDelays SHORT_DELAYS = new RetryDelays(Duration.ofMillis(100), Duration.ofMillis(200));
    private static final String ORDER_EVENT = "{\"orderId\":\"o-42\",\"lines\":[{\"sku\":\"A-1\",\"quantity\":2}]}";
    private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(15);

    /** Retry settings messaging.yaml does not have: two retries, none, and an SNS destination with a subscriber. */
    private static final String RETRY_SETTINGS_TEMPLATE = """
            Resources:
              FailedInvocationsQueue:
                Type: AWS::SQS::Queue
              FailuresTopic:
                Type: AWS::SNS::Topic
              FailuresSubscriberQueue:
                Type: AWS::SQS::Queue
              FailuresSubscription:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: !Ref FailuresTopic
                  Protocol: sqs
                  Endpoint: !GetAtt FailuresSubscriberQueue.Arn
                  RawMessageDelivery: true
              PoisonedFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ../services/work/target/work-aws.jar
                  EventInvokeConfig:
                    MaximumRetryAttempts: 2
                    DestinationConfig:
                      OnFailure:
                        Type: SQS
                        Destination: !GetAtt FailedInvocationsQueue.Arn
              OneShotFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ../services/work/target/work-aws.jar
                  EventInvokeConfig:
                    MaximumRetryAttempts: 0
                    DestinationConfig:
                      OnFailure:
                        Type: SQS
                        Destination: !GetAtt FailedInvocationsQueue.Arn
              AnnouncedFailuresFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ../services/work/target/work-aws.jar
                  EventInvokeConfig:
                    MaximumRetryAttempts: 0
                    DestinationConfig:
                      OnFailure:
                        Type: SNS
                        Destination: !Ref FailuresTopic
            """;

    @TempDir
    static Path templates;

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static SamTemplate messaging;
    private static SamTemplate retrySettings;

    private Stack stack;
    private AsyncInvocations invocations;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) throws IOException, URISyntaxException {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        sns = emulator.endpoint().configure(SnsClient.builder());
        messaging = SamTemplate.load(Path.of(AsyncInvocationsTest.class
                .getResource("/templates/messaging.yaml")
                .toURI()));
        retrySettings =
                SamTemplate.load(Files.writeString(templates.resolve("retry-settings.yaml"), RETRY_SETTINGS_TEMPLATE));
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
        sns.close();
    }

    @AfterEach
    void stopInvocations() {
        if (invocations != null) {
            invocations.close();
        }
    }

    @Test
    void poisonEventIsAttemptedThreeTimesThenRecordedOnceWithItsPayload() {
        // given a function that always fails, with two retries and an SQS on-failure destination
        RecordingFunction function = RecordingFunction.alwaysFailing();
        invocations = start(retrySettings, function, Clock.systemUTC());

        // when a poison event is invoked asynchronously
        String requestId = invocations.invokeAsync("PoisonedFunction", bytes(ORDER_EVENT));

        // then exactly one failure record arrives, after three attempts spaced by the retry delays
        JsonNode record = awaitSingleRecord("FailedInvocationsQueue");
        assertThat(function.calls())
                .hasSize(3)
                .allSatisfy(call -> assertThat(call.event()).isEqualTo(ORDER_EVENT));
        assertThat(gaps(function.calls()))
                .satisfiesExactly(
                        first -> assertThat(first).isGreaterThanOrEqualTo(SHORT_DELAYS.beforeFirstRetry()),
                        second -> assertThat(second).isGreaterThanOrEqualTo(SHORT_DELAYS.beforeSecondRetry()));
        // and the record is Lambda's, with the original event as JSON so that it can be replayed
        assertThat(record.get("version").asString()).isEqualTo("1.0");
        assertThat(record.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        JsonNode context = record.get("requestContext");
        assertThat(context.get("requestId").asString()).isEqualTo(requestId);
        assertThat(context.get("functionArn").asString())
                .isEqualTo(stack.attribute("PoisonedFunction", "Arn") + ":$LATEST");
        assertThat(context.get("condition").asString()).isEqualTo("RetriesExhausted");
        assertThat(context.get("approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.get("requestPayload")).isEqualTo(JSON.readTree(ORDER_EVENT));
        assertThat(record.get("responseContext").get("functionError").asString())
                .isEqualTo("Unhandled");
        assertThat(record.get("responsePayload")).isEqualTo(JSON.readTree(RecordingFunction.ERROR));
        // and no second record follows
        assertThat(receiveRecords("FailedInvocationsQueue", 1)).isEmpty();
    }

    @Test
    void functionFailingOnceThenSucceedingIsAttemptedTwiceAndNotRecorded() {
        // given the notify function of messaging.yaml (one retry) that fails once, then succeeds
        RecordingFunction function = RecordingFunction.failingFirst(1);
        invocations = start(messaging, function, Clock.systemUTC());

        // when an event is invoked asynchronously
        invocations.invokeAsync("NotifyFunction", bytes(ORDER_EVENT));

        // then the retry succeeds, and nothing reaches the on-failure destination
        await().atMost(RECORD_TIMEOUT).until(() -> function.calls().size() == 2);
        assertThat(receiveRecords("FailedInvocationsQueue", 1)).isEmpty();
        assertThat(function.calls()).hasSize(2);
    }

    @Test
    void withoutRetriesAFailedEventIsAttemptedOnce() {
        // given a failing function with MaximumRetryAttempts 0
        RecordingFunction function = RecordingFunction.alwaysFailing();
        invocations = start(retrySettings, function, Clock.systemUTC());

        // when an event is invoked asynchronously
        invocations.invokeAsync("OneShotFunction", bytes(ORDER_EVENT));

        // then it is attempted once and recorded at once
        JsonNode record = awaitSingleRecord("FailedInvocationsQueue");
        assertThat(function.calls()).hasSize(1);
        assertThat(record.get("requestContext").get("condition").asString()).isEqualTo("RetriesExhausted");
        assertThat(record.get("requestContext").get("approximateInvokeCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void eventOlderThanTheMaximumAgeIsNotRetried() {
        // given the notify function (one retry, maximum event age 300 s) failing after running for six minutes
        MovableClock clock = new MovableClock();
        RecordingFunction function =
                RecordingFunction.alwaysFailing().whileRunning(() -> clock.advance(Duration.ofMinutes(6)));
        invocations = start(messaging, function, clock);

        // when an event is invoked asynchronously
        invocations.invokeAsync("NotifyFunction", bytes(ORDER_EVENT));

        // then the retry is skipped because the event is too old, and the record says so
        JsonNode record = awaitSingleRecord("FailedInvocationsQueue");
        assertThat(function.calls()).hasSize(1);
        assertThat(record.get("requestContext").get("condition").asString()).isEqualTo("EventAgeExceeded");
        assertThat(record.get("requestContext").get("approximateInvokeCount").asInt())
                .isEqualTo(1);
        assertThat(record.get("requestPayload")).isEqualTo(JSON.readTree(ORDER_EVENT));
    }

    @Test
    void failureRecordIsPublishedToAnSnsDestination() {
        // given a failing function whose on-failure destination is a topic with a queue subscribed to it
        RecordingFunction function = RecordingFunction.alwaysFailing();
        invocations = start(retrySettings, function, Clock.systemUTC());

        // when an event is invoked asynchronously
        invocations.invokeAsync("AnnouncedFailuresFunction", bytes(ORDER_EVENT));

        // then the record reaches the topic's subscriber, with the original event
        JsonNode record = awaitSingleRecord("FailuresSubscriberQueue");
        assertThat(record.get("requestContext").get("condition").asString()).isEqualTo("RetriesExhausted");
        assertThat(record.get("requestPayload")).isEqualTo(JSON.readTree(ORDER_EVENT));
    }

    @Test
    void refusesAnEventThatIsNotJson() {
        // given asynchronous invocations of a function
        RecordingFunction function = RecordingFunction.succeeding();
        invocations = start(messaging, function, Clock.systemUTC());

        // when an event that is not JSON is invoked
        // then it is refused, as Lambda refuses it, and the function never runs
        assertThatThrownBy(() -> invocations.invokeAsync("NotifyFunction", bytes("order o-42")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
        assertThat(function.calls()).isEmpty();
    }

    /** Provisions the template under a fresh stack name, so each test has destinations of its own. */
    private AsyncInvocations start(SamTemplate template, RecordingFunction function, Clock clock) {
        String stackName = "async-" + UUID.randomUUID().toString().substring(0, 8);
        stack = Provisioner.provision(template, emulator.endpoint(), stackName, Map.of());
        return new AsyncInvocations(stack.template(), stack.intrinsics(), function, sqs, sns, clock, SHORT_DELAYS);
    }

    private JsonNode awaitSingleRecord(String queueLogicalId) {
        List<JsonNode> records = await().atMost(RECORD_TIMEOUT)
                .until(() -> receiveRecords(queueLogicalId, 1), received -> !received.isEmpty());
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    private List<JsonNode> receiveRecords(String queueLogicalId, int waitSeconds) {
        String queueUrl = stack.attribute(queueLogicalId, "QueueUrl");
        return sqs
                .receiveMessage(request ->
                        request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds))
                .messages()
                .stream()
                .map(message -> JSON.readTree(message.body()))
                .toList();
    }

    private static List<Duration> gaps(List<RecordingFunction.Call> calls) {
        return IntStream.range(1, calls.size())
                .mapToObj(i -> Duration.ofNanos(
                        calls.get(i).startedNanos() - calls.get(i - 1).startedNanos()))
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
