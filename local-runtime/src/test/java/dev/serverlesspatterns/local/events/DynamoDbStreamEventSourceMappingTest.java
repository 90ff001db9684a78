package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.events.RecordingInvoker.Invocation;
import dev.serverlesspatterns.local.invoke.FailureDestination;
import dev.serverlesspatterns.local.template.FunctionDefinition.StreamEvent;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DynamoDB stream event source mapping against the emulator's table streams: Lambda's order, partial batch
 * response, bisect, retry, maximum record age and on-failure rules.
 */
@ExtendWith(SharedEmulator.class)
class DynamoDbStreamEventSourceMappingTest {

    private static final String FUNCTION = "ProjectOrdersFunction";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:stream-test-" + FUNCTION;
    private static final Duration DELIVERY = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AwsEmulator emulator;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;
    private static SqsClient sqs;
    private static SnsClient sns;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        dynamo = emulator.endpoint().configure(DynamoDbClient.builder());
        streams = emulator.endpoint().configure(DynamoDbStreamsClient.builder());
        sqs = emulator.endpoint().configure(SqsClient.builder());
        sns = emulator.endpoint().configure(SnsClient.builder());
    }

    @AfterAll
    static void closeTheClients() {
        dynamo.close();
        streams.close();
        sqs.close();
        sns.close();
    }

    @Test
    void handsEveryLaterChangeToTheFunctionInOrderAsTheDynamodbEventLambdaSends(TestInfo test) {
        // given a table changed once before a mapping that starts at LATEST
        TestTable table = table(test);
        table.put(dynamo, "before", "PLACED");
        RecordingInvoker function = RecordingInvoker.succeeding();

        try (var mapping = start(table, streamEvent("LATEST", 10, 0, false, -1, -1, false), function, null)) {
            // when an item is inserted, modified and removed, then another one inserted
            table.put(dynamo, "o-1", "PLACED");
            table.put(dynamo, "o-1", "PAID");
            table.delete(dynamo, "o-1");
            table.put(dynamo, "o-2", "PLACED");
            await().atMost(DELIVERY).until(() -> function.records().size() >= 4);
        }

        // then the function saw exactly the later changes, in the order they were made
        List<JsonNode> records = function.records();
        assertThat(records)
                .extracting(record -> record.path("eventName").asString())
                .containsExactly("INSERT", "MODIFY", "REMOVE", "INSERT");
        assertThat(ids(records)).containsExactly("o-1", "o-1", "o-1", "o-2");
        assertThat(records)
                .extracting(record -> new BigInteger(sequenceNumber(record)))
                .isSorted()
                .doesNotHaveDuplicates();

        // and each record has the fields and casing of a DynamoDB stream event captured on AWS
        JsonNode captured = EventFixtures.read("dynamodb-stream-event.json");
        JsonNode modify = records.get(1);
        assertThat(modify.propertyNames())
                .containsExactlyInAnyOrderElementsOf(captured.at("/Records/1").propertyNames());
        assertThat(modify.path("dynamodb").propertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        captured.at("/Records/1/dynamodb").propertyNames());
        assertThat(records.getFirst().path("dynamodb").propertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        captured.at("/Records/0/dynamodb").propertyNames());
        assertThat(records.get(2).path("dynamodb").has("NewImage")).isFalse();
        assertThat(modify.at("/dynamodb/NewImage/status")).isEqualTo(JSON.readTree("{\"S\":\"PAID\"}"));
        assertThat(modify.at("/dynamodb/OldImage/status")).isEqualTo(JSON.readTree("{\"S\":\"PLACED\"}"));
        assertThat(modify.at("/dynamodb/Keys")).isEqualTo(JSON.readTree("{\"id\":{\"S\":\"o-1\"}}"));
        assertThat(modify.at("/dynamodb/StreamViewType").asString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(modify.path("eventSource").asString()).isEqualTo("aws:dynamodb");
        assertThat(modify.path("eventVersion").asString()).isEqualTo("1.1");
        assertThat(modify.path("eventSourceARN").asString()).isEqualTo(table.streamArn());
        assertThat(modify.path("awsRegion").asString())
                .isEqualTo(emulator.endpoint().region());
        JsonNode created = modify.at("/dynamodb/ApproximateCreationDateTime");
        assertThat(created.isIntegralNumber()).isTrue();
        assertThat(Duration.between(Instant.ofEpochSecond(created.asLong()), Instant.now()))
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void retriesFromTheFirstReportedBatchItemFailureWithoutRedeliveringEarlierRecords(TestInfo test) {
        // given four changes, and a function that reports the second as a batch item failure once
        TestTable table = table(test);
        List.of("r-1", "r-2", "r-3", "r-4").forEach(id -> table.put(dynamo, id, "PLACED"));
        AtomicBoolean reported = new AtomicBoolean();
        RecordingInvoker function = RecordingInvoker.answering(event -> reported.compareAndSet(false, true)
                ? RecordingInvoker.result("{\"batchItemFailures\":[{\"itemIdentifier\":\""
                        + sequenceNumber(recordOf(event, "r-2")) + "\"}]}")
                : RecordingInvoker.result("{\"batchItemFailures\":[]}"));

        // when a mapping with ReportBatchItemFailures reads the stream from its start
        try (var mapping = start(table, streamEvent("TRIM_HORIZON", 10, 0, false, 2, -1, true), function, null)) {
            await().atMost(DELIVERY).until(() -> function.invocations().size() >= 2);
            // the shard is settled: nothing is delivered again
            await().during(Duration.ofMillis(600))
                    .until(() -> function.invocations().size() == 2);
        }

        // then the retry began at the reported record; the one before it was delivered once
        assertThat(function.invocations())
                .extracting(DynamoDbStreamEventSourceMappingTest::ids)
                .containsExactly(List.of("r-1", "r-2", "r-3", "r-4"), List.of("r-2", "r-3", "r-4"));
    }

    @Test
    void bisectsAroundAPoisonRecordReportsItOnceAndKeepsReadingTheShard(TestInfo test) {
        // given a poison record among good ones, and a function that fails every batch holding it
        TestTable table = table(test);
        TestQueue failures = TestQueue.create(sqs, queueName(test), Map.of());
        List.of("g-1", "g-2", "poison", "g-4").forEach(id -> table.put(dynamo, id, "PLACED"));
        RecordingInvoker function = RecordingInvoker.answering(event ->
                ids(event).contains("poison") ? RecordingInvoker.functionError() : RecordingInvoker.result("null"));

        // when a mapping that bisects failed batches and retries once reads the stream from its start
        List<Message> reported;
        try (var mapping =
                start(table, streamEvent("TRIM_HORIZON", 10, 0, true, 1, -1, false), function, failures.arn())) {
            reported = await().atMost(DELIVERY).until(() -> failures.receive(sqs), messages -> !messages.isEmpty());
            table.put(dynamo, "g-5", "PLACED");
            await().atMost(DELIVERY).until(() -> ids(function.records()).contains("g-5"));
        }

        // then the batch was halved until the poison record stood alone, retried once and discarded; the shard moved on
        assertThat(function.invocations())
                .extracting(DynamoDbStreamEventSourceMappingTest::ids)
                .containsExactly(
                        List.of("g-1", "g-2", "poison", "g-4"),
                        List.of("g-1", "g-2"),
                        List.of("poison", "g-4"),
                        List.of("poison"),
                        List.of("poison"),
                        List.of("g-4"),
                        List.of("g-5"));

        // and the failure queue got one record in Lambda's format, naming the discarded record
        assertThat(reported).hasSize(1);
        assertThat(failures.receive(sqs)).isEmpty();
        String poisonSequence = function.records().stream()
                .filter(record -> id(record).equals("poison"))
                .map(DynamoDbStreamEventSourceMappingTest::sequenceNumber)
                .findFirst()
                .orElseThrow();
        JsonNode failure = JSON.readTree(reported.getFirst().body());
        JsonNode captured = EventFixtures.read("dynamodb-stream-failure-record.json");
        assertThat(failure.propertyNames()).containsExactlyInAnyOrderElementsOf(captured.propertyNames());
        for (String section : List.of("requestContext", "responseContext", "DDBStreamBatchInfo")) {
            assertThat(failure.path(section).propertyNames())
                    .as(section)
                    .containsExactlyInAnyOrderElementsOf(captured.path(section).propertyNames());
        }
        assertThat(failure.at("/requestContext/condition").asString()).isEqualTo("RetryAttemptsExhausted");
        assertThat(failure.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(failure.at("/requestContext/functionArn").asString()).isEqualTo(FUNCTION_ARN);
        assertThat(failure.at("/responseContext/functionError").asString()).isEqualTo("Unhandled");
        assertThat(failure.at("/DDBStreamBatchInfo/startSequenceNumber").asString())
                .isEqualTo(poisonSequence);
        assertThat(failure.at("/DDBStreamBatchInfo/endSequenceNumber").asString())
                .isEqualTo(poisonSequence);
        assertThat(failure.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(failure.at("/DDBStreamBatchInfo/streamArn").asString()).isEqualTo(table.streamArn());
        assertThat(failure.at("/DDBStreamBatchInfo/shardId").asString()).startsWith("shardId-");
    }

    @Test
    void discardsARecordOnceItIsOlderThanTheMaximumRecordAge(TestInfo test) {
        // given a function that always fails on one record, and a mapping that retries without limit but only for
        // three seconds (the stream's creation time is in whole seconds, so a record may look up to a second old
        // when it is read; a slow machine must still reach the function before the record expires)
        TestTable table = table(test);
        TestQueue failures = TestQueue.create(sqs, queueName(test), Map.of());
        RecordingInvoker function = RecordingInvoker.answering(event ->
                ids(event).contains("stale") ? RecordingInvoker.functionError() : RecordingInvoker.result("null"));

        // when the record is written after the mapping started
        List<Message> reported;
        try (var mapping = start(table, streamEvent("LATEST", 10, 0, false, -1, 3, false), function, failures.arn())) {
            table.put(dynamo, "stale", "PLACED");
            reported = await().atMost(DELIVERY).until(() -> failures.receive(sqs), messages -> !messages.isEmpty());
            table.put(dynamo, "fresh", "PLACED");
            await().atMost(DELIVERY).until(() -> ids(function.records()).contains("fresh"));
        }

        // then the record was retried until it was too old, reported as such, and the shard moved on
        long attempts = function.invocations().stream()
                .filter(invocation -> ids(invocation).contains("stale"))
                .count();
        assertThat(attempts).isGreaterThan(1);
        JsonNode failure = JSON.readTree(reported.getFirst().body());
        assertThat(failure.at("/requestContext/condition").asString()).isEqualTo("RecordAgeExceeded");
        assertThat(failure.at("/requestContext/approximateInvokeCount").asLong())
                .isEqualTo(attempts);
        assertThat(failure.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(ids(function.invocations().getLast())).containsExactly("fresh");
    }

    @Test
    void gathersRecordsForTheBatchingWindowBeforeInvoking(TestInfo test) {
        // given a mapping of batch size 3 with a two-second batching window
        TestTable table = table(test);
        RecordingInvoker function = RecordingInvoker.succeeding();

        try (var mapping = start(table, streamEvent("LATEST", 3, 2, false, -1, -1, false), function, null)) {
            // when three changes are made a little apart
            for (String id : List.of("w-1", "w-2", "w-3")) {
                table.put(dynamo, id, "PLACED");
                pause(Duration.ofMillis(300));
            }
            await().atMost(DELIVERY).until(() -> function.records().size() >= 3);
        }

        // then the function got them in one batch
        assertThat(function.invocations())
                .extracting(DynamoDbStreamEventSourceMappingTest::ids)
                .containsExactly(List.of("w-1", "w-2", "w-3"));
    }

    private static StreamEventSourceMapping<?> start(
            TestTable table, StreamEvent event, RecordingInvoker function, String failureDestination) {
        return StreamEventSourceMapping.dynamoDb(
                streams,
                event,
                table.streamArn(),
                FUNCTION_ARN,
                failureDestination == null ? null : FailureDestination.of("test", failureDestination, sqs, sns),
                function,
                Clock.systemUTC());
    }

    private static StreamEvent streamEvent(
            String startingPosition,
            int batchSize,
            int windowSeconds,
            boolean bisect,
            int maximumRetryAttempts,
            int maximumRecordAgeSeconds,
            boolean reportBatchItemFailures) {
        return new StreamEvent(
                FUNCTION,
                "OrderChanges",
                Map.of(),
                startingPosition,
                batchSize,
                windowSeconds,
                bisect,
                maximumRetryAttempts,
                maximumRecordAgeSeconds,
                reportBatchItemFailures,
                null,
                true);
    }

    private static TestTable table(TestInfo test) {
        return TestTable.create(dynamo, test.getTestMethod().orElseThrow().getName());
    }

    private static String queueName(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName();
        return name.substring(0, Math.min(name.length(), 70)) + "-failures";
    }

    private static List<String> ids(Invocation invocation) {
        return ids(invocation.records());
    }

    private static List<String> ids(JsonNode event) {
        return ids(event.path("Records").valueStream().toList());
    }

    private static List<String> ids(List<JsonNode> records) {
        return records.stream().map(DynamoDbStreamEventSourceMappingTest::id).toList();
    }

    private static String id(JsonNode record) {
        return record.at("/dynamodb/Keys/id/S").asString();
    }

    private static String sequenceNumber(JsonNode record) {
        return record.at("/dynamodb/SequenceNumber").asString();
    }

    private static JsonNode recordOf(JsonNode event, String id) {
        return event.path("Records")
                .valueStream()
                .filter(record -> id(record).equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
