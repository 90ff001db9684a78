package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.events.RecordingInvoker.Invocation;
import dev.serverlesspatterns.local.invoke.FailureDestination;
import dev.serverlesspatterns.local.template.FunctionDefinition.StreamEvent;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kinesis event source mapping against the emulator's data streams: the KinesisEvent Lambda sends, shard
 * order, batch size with records read ahead, bisecting around a poison record and Lambda's Kinesis failure record.
 * The rules they share with DynamoDB streams are covered in depth by {@link DynamoDbStreamEventSourceMappingTest}.
 */
@ExtendWith(SharedEmulator.class)
class KinesisEventSourceMappingTest {

    private static final String FUNCTION = "AggregateClicksFunction";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:stream-test-" + FUNCTION;
    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/" + FUNCTION + "Role";
    private static final Duration DELIVERY = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AwsEmulator emulator;
    private static KinesisClient kinesis;
    private static SqsClient sqs;
    private static SnsClient sns;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        kinesis = emulator.endpoint().kinesis();
        sqs = emulator.endpoint().configure(SqsClient.builder());
        sns = emulator.endpoint().configure(SnsClient.builder());
    }

    @AfterAll
    static void closeTheClients() {
        kinesis.close();
        sqs.close();
        sns.close();
    }

    @Test
    void handsLaterRecordsToTheFunctionInOrderAsTheKinesisEventLambdaSends(TestInfo test) {
        // given a stream with a record put before a mapping that starts at LATEST
        String streamArn = stream(test);
        put(streamArn, "before");
        RecordingInvoker function = RecordingInvoker.succeeding();

        try (var mapping = start(streamArn, kinesisEvent("LATEST", 10, false, -1), function, null)) {
            // when three records are put
            List.of("k-1", "k-2", "k-3").forEach(id -> put(streamArn, id));
            await().atMost(DELIVERY).until(() -> function.records().size() >= 3);
        }

        // then the function saw exactly the later records, in order
        List<JsonNode> records = function.records();
        assertThat(ids(records)).containsExactly("k-1", "k-2", "k-3");
        assertThat(records)
                .extracting(record -> new BigInteger(sequenceNumber(record)))
                .isSorted()
                .doesNotHaveDuplicates();

        // and each record has the fields of a Kinesis event captured on AWS
        JsonNode captured = EventFixtures.read("kinesis-event.json").at("/Records/0");
        JsonNode first = records.getFirst();
        assertThat(first.propertyNames()).containsExactlyInAnyOrderElementsOf(captured.propertyNames());
        assertThat(first.path("kinesis").propertyNames())
                .containsExactlyInAnyOrderElementsOf(captured.path("kinesis").propertyNames());
        assertThat(first.path("eventSource").asString()).isEqualTo("aws:kinesis");
        assertThat(first.path("eventName").asString()).isEqualTo("aws:kinesis:record");
        assertThat(first.path("eventVersion").asString()).isEqualTo("1.0");
        assertThat(first.path("eventSourceARN").asString()).isEqualTo(streamArn);
        assertThat(first.path("invokeIdentityArn").asString()).isEqualTo(ROLE_ARN);
        assertThat(first.path("awsRegion").asString())
                .isEqualTo(emulator.endpoint().region());
        assertThat(first.path("eventID").asString()).matches("shardId-\\d+:" + sequenceNumber(first));
        assertThat(first.at("/kinesis/partitionKey").asString()).isEqualTo("k-1");
        assertThat(first.at("/kinesis/kinesisSchemaVersion").asString()).isEqualTo("1.0");
        JsonNode arrival = first.at("/kinesis/approximateArrivalTimestamp");
        assertThat(arrival.isNumber()).isTrue();
        assertThat(Duration.between(Instant.ofEpochMilli((long) (arrival.asDouble() * 1000)), Instant.now()))
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void splitsWhatOneReadReturnsIntoBatchesOfTheBatchSize(TestInfo test) {
        // given five records already in the stream
        String streamArn = stream(test);
        List.of("b-1", "b-2", "b-3", "b-4", "b-5").forEach(id -> put(streamArn, id));
        RecordingInvoker function = RecordingInvoker.succeeding();

        // when a mapping of batch size 2 reads the stream from its start
        try (var mapping = start(streamArn, kinesisEvent("TRIM_HORIZON", 2, false, -1), function, null)) {
            await().atMost(DELIVERY).until(() -> function.records().size() >= 5);
        }

        // then the function got them in batches of two, in order, each once
        assertThat(function.invocations())
                .extracting(KinesisEventSourceMappingTest::ids)
                .containsExactly(List.of("b-1", "b-2"), List.of("b-3", "b-4"), List.of("b-5"));
    }

    @Test
    void bisectsAroundAPoisonRecordReportsItInLambdasKinesisFormatAndKeepsReading(TestInfo test) {
        // given a poison record among good ones, and a function that fails every batch holding it
        String streamArn = stream(test);
        TestQueue failures = TestQueue.create(sqs, queueName(test), Map.of());
        List.of("g-1", "poison", "g-3").forEach(id -> put(streamArn, id));
        RecordingInvoker function = RecordingInvoker.answering(event ->
                ids(event).contains("poison") ? RecordingInvoker.functionError() : RecordingInvoker.result("null"));

        // when a mapping that bisects failed batches and retries once reads the stream from its start
        List<Message> reported;
        try (var mapping = start(streamArn, kinesisEvent("TRIM_HORIZON", 10, true, 1), function, failures.arn())) {
            reported = await().atMost(DELIVERY).until(() -> failures.receive(sqs), messages -> !messages.isEmpty());
            put(streamArn, "g-4");
            await().atMost(DELIVERY).until(() -> ids(function.records()).contains("g-4"));
        }

        // then the poison record was split off, retried once and discarded, and the good ones were delivered
        assertThat(function.invocations())
                .extracting(KinesisEventSourceMappingTest::ids)
                .containsExactly(
                        List.of("g-1", "poison", "g-3"),
                        List.of("g-1", "poison"),
                        List.of("g-1"),
                        List.of("poison"),
                        List.of("poison"),
                        List.of("g-3"),
                        List.of("g-4"));

        // and the failure queue got one record in Lambda's Kinesis format, naming the discarded record
        assertThat(reported).hasSize(1);
        String poisonSequence = function.records().stream()
                .filter(record -> id(record).equals("poison"))
                .map(KinesisEventSourceMappingTest::sequenceNumber)
                .findFirst()
                .orElseThrow();
        JsonNode failure = JSON.readTree(reported.getFirst().body());
        JsonNode captured = EventFixtures.read("kinesis-failure-record.json");
        assertThat(failure.propertyNames()).containsExactlyInAnyOrderElementsOf(captured.propertyNames());
        for (String section : List.of("requestContext", "responseContext", "KinesisBatchInfo")) {
            assertThat(failure.path(section).propertyNames())
                    .as(section)
                    .containsExactlyInAnyOrderElementsOf(captured.path(section).propertyNames());
        }
        assertThat(failure.at("/requestContext/condition").asString()).isEqualTo("RetryAttemptsExhausted");
        assertThat(failure.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(failure.at("/requestContext/functionArn").asString()).isEqualTo(FUNCTION_ARN);
        assertThat(failure.at("/KinesisBatchInfo/startSequenceNumber").asString())
                .isEqualTo(poisonSequence);
        assertThat(failure.at("/KinesisBatchInfo/endSequenceNumber").asString()).isEqualTo(poisonSequence);
        assertThat(failure.at("/KinesisBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(failure.at("/KinesisBatchInfo/streamArn").asString()).isEqualTo(streamArn);
        assertThat(failure.at("/KinesisBatchInfo/shardId").asString()).startsWith("shardId-");
    }

    private static StreamEventSourceMapping<?> start(
            String streamArn, StreamEvent event, RecordingInvoker function, String failureDestination) {
        return StreamEventSourceMapping.kinesis(
                kinesis,
                event,
                streamArn,
                ROLE_ARN,
                FUNCTION_ARN,
                failureDestination == null ? null : FailureDestination.of("test", failureDestination, sqs, sns),
                function,
                Clock.systemUTC());
    }

    private static StreamEvent kinesisEvent(String startingPosition, int batchSize, boolean bisect, int retries) {
        return new StreamEvent(
                FUNCTION, "Clicks", Map.of(), startingPosition, batchSize, 0, bisect, retries, -1, false, null, true);
    }

    /** A one-shard stream, so the records' order is the order they were put in. */
    private static String stream(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName();
        kinesis.createStream(request -> request.streamName(name).shardCount(1));
        await().atMost(DELIVERY)
                .until(() -> kinesis.describeStreamSummary(request -> request.streamName(name))
                                .streamDescriptionSummary()
                                .streamStatus()
                        == StreamStatus.ACTIVE);
        return kinesis.describeStreamSummary(request -> request.streamName(name))
                .streamDescriptionSummary()
                .streamARN();
    }

    private static void put(String streamArn, String id) {
        kinesis.putRecord(request ->
                request.streamARN(streamArn).partitionKey(id).data(SdkBytes.fromUtf8String("{\"id\":\"" + id + "\"}")));
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
        return records.stream().map(KinesisEventSourceMappingTest::id).toList();
    }

    private static String id(JsonNode record) {
        byte[] data = Base64.getDecoder().decode(record.at("/kinesis/data").asString());
        return JSON.readTree(new String(data, StandardCharsets.UTF_8))
                .path("id")
                .asString();
    }

    private static String sequenceNumber(JsonNode record) {
        return record.at("/kinesis/sequenceNumber").asString();
    }
}
