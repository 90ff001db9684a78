package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.template.FunctionDefinition.S3Event;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;

/** S3 notifications of functions: a created object under the prefix reaches the function once as Lambda's S3 event. */
@ExtendWith(SharedEmulator.class)
class S3ToFunctionTest {

    private static final String FUNCTION = "SplitFunction";
    private static final Duration DELIVERY = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-12-07T10:15:30Z");

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static S3Client s3;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        s3 = emulator.endpoint().s3();
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
        s3.close();
    }

    @Test
    void deliversACreatedObjectUnderThePrefixOnceAsLambdasS3Event(TestInfo test) {
        // given a function notified of objects created under runs/
        String bucket = bucket(test);
        RecordingAsyncInvoker lambda = new RecordingAsyncInvoker();
        S3Event event = new S3Event(
                FUNCTION,
                "RunUploaded",
                Map.of("Ref", "Bucket"),
                List.of("s3:ObjectCreated:*"),
                Map.of("prefix", "runs/"));

        try (var notification = S3ToFunction.start(
                sqs, s3, "s3-test", event, bucket, "000000000000", lambda, Clock.fixed(NOW, ZoneOffset.UTC))) {
            // when an object outside the prefix and one under it are put
            s3.putObject(put -> put.bucket(bucket).key("other/ignored.txt"), RequestBody.fromString("no"));
            String etag = s3.putObject(
                            put -> put.bucket(bucket).key("runs/december run=1.jsonl"),
                            RequestBody.fromString("{\"a\":1}\n"))
                    .eTag();

            // then only the one under runs/ reaches the function, once, with every field S3 writes
            await().atMost(DELIVERY).until(() -> !lambda.accepted().isEmpty());
            await().during(Duration.ofSeconds(2))
                    .atMost(DELIVERY)
                    .until(() -> lambda.accepted().size() == 1);
            JsonNode records = lambda.eventsFor(FUNCTION).getFirst().path("Records");
            assertThat(records.size()).isEqualTo(1);
            JsonNode record = records.get(0);
            assertThat(record.path("eventVersion").asString()).isEqualTo("2.1");
            assertThat(record.path("eventSource").asString()).isEqualTo("aws:s3");
            assertThat(record.path("awsRegion").asString())
                    .isEqualTo(emulator.endpoint().region());
            assertThat(record.path("eventTime").asString()).isEqualTo("2026-12-07T10:15:30.000Z");
            assertThat(record.path("eventName").asString()).isEqualTo("ObjectCreated:Put");
            assertThat(record.path("userIdentity").path("principalId").asString())
                    .isEqualTo("AWS:000000000000");
            assertThat(record.path("requestParameters").path("sourceIPAddress").asString())
                    .isNotEmpty();
            assertThat(record.path("responseElements").path("x-amz-request-id").asString())
                    .isNotEmpty();
            JsonNode s3Entity = record.path("s3");
            assertThat(s3Entity.path("s3SchemaVersion").asString()).isEqualTo("1.0");
            assertThat(s3Entity.path("configurationId").asString()).isEqualTo(FUNCTION + "-RunUploaded");
            assertThat(s3Entity.path("bucket").path("name").asString()).isEqualTo(bucket);
            assertThat(s3Entity.path("bucket").path("arn").asString()).isEqualTo("arn:aws:s3:::" + bucket);
            assertThat(s3Entity.path("bucket")
                            .path("ownerIdentity")
                            .path("principalId")
                            .asString())
                    .isEqualTo("000000000000");
            JsonNode object = s3Entity.path("object");
            assertThat(object.path("key").asString()).isEqualTo("runs/december+run%3D1.jsonl");
            assertThat(object.path("size").asLong()).isEqualTo(8);
            assertThat(object.path("eTag").asString()).isEqualTo(etag.replace("\"", ""));
            assertThat(object.path("sequencer").asString()).matches("[0-9A-F]{16}");
        }
    }

    @Test
    void closingRemovesItsNotificationAndKeepsTheBucketsOthers(TestInfo test) {
        // given two functions notified of the same bucket
        String bucket = bucket(test);
        RecordingAsyncInvoker lambda = new RecordingAsyncInvoker();
        S3Event first = new S3Event(FUNCTION, "First", Map.of(), List.of("s3:ObjectCreated:*"), Map.of());
        S3Event second = new S3Event("OtherFunction", "Second", Map.of(), List.of("s3:ObjectCreated:*"), Map.of());
        try (var kept =
                S3ToFunction.start(sqs, s3, "s3-test", second, bucket, "000000000000", lambda, Clock.systemUTC())) {
            var removed =
                    S3ToFunction.start(sqs, s3, "s3-test", first, bucket, "000000000000", lambda, Clock.systemUTC());

            // when the first stops
            removed.close();

            // then the bucket notifies only the second
            assertThat(s3.getBucketNotificationConfiguration(get -> get.bucket(bucket))
                            .queueConfigurations())
                    .extracting(configuration -> configuration.id())
                    .containsExactly("OtherFunction-Second");
        }
    }

    @Test
    void theTemplatesS3EventOfAFunctionIsDeliveredThroughTheEventSources(TestInfo test, @TempDir Path directory)
            throws IOException {
        // given a template whose function is notified of objects created under runs/ in its bucket
        String bucket = bucket(test);
        SamTemplate template = SamTemplate.load(Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  RunBucket:
                    Type: AWS::S3::Bucket
                  SplitFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        RunUploaded:
                          Type: S3
                          Properties:
                            Bucket: !Ref RunBucket
                            Events: s3:ObjectCreated:*
                            Filter:
                              S3Key:
                                Rules:
                                  - Name: prefix
                                    Value: runs/
                """));
        Intrinsics.Resources resources = new Intrinsics.Resources() {
            @Override
            public String ref(String logicalId) {
                return bucket;
            }

            @Override
            public String attribute(String logicalId, String attribute) {
                throw new UnsupportedOperationException(attribute);
            }
        };
        RecordingAsyncInvoker lambda = new RecordingAsyncInvoker();

        try (var sources = EventSources.start(
                template,
                "s3-template-test",
                new Intrinsics(Map.of(), Map.of("AWS::AccountId", "000000000000"), resources),
                resources,
                emulator.endpoint(),
                new EventSources.Invokers(RecordingInvoker.succeeding(), lambda))) {
            // when a run file is uploaded
            s3.putObject(put -> put.bucket(bucket).key("runs/r-1.jsonl"), RequestBody.fromString("{}"));

            // then the function the template wires receives it
            await().atMost(DELIVERY).until(() -> lambda.eventsFor(FUNCTION).size() == 1);
            assertThat(lambda.eventsFor(FUNCTION)
                            .getFirst()
                            .at("/Records/0/s3/object/key")
                            .asString())
                    .isEqualTo("runs/r-1.jsonl");
        }
    }

    private static String bucket(TestInfo test) {
        String name =
                "s3-to-function-" + test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
        String bucket = name.substring(0, Math.min(name.length(), 50));
        s3.createBucket(create -> create.bucket(bucket));
        return bucket;
    }
}
