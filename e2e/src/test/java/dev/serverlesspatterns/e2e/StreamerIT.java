package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * They Say I'm A Streamer: {@code POST /clicks} of the shop API puts each click on the click stream (no function
 * between); the Kinesis event source mapping hands batches to AggregateClicksFunction, which counts each click once
 * per product; Firehose archives the stream to S3 after its buffer interval (2 s in this suite, the template's
 * {@code ClickArchiveBufferSeconds}). Everything is wired by infra/template.yaml.
 */
@ExtendWith(LocalSuiteExtension.class)
class StreamerIT {

    private static final int CLICKS = 40;
    private static final int PRODUCTS = 4;
    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalSuite suite;
    private ShopApi api;
    private DynamoDbClient dynamo;
    private S3Client s3;
    private String run;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder());
        this.s3 = suite.stack().endpoint().s3();
        this.run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
        s3.close();
    }

    @Test
    void everyClickIsArchivedOnceAfterTheBufferIntervalAndCountedOncePerProduct() {
        // given clicks on four products of the test's own, from ten sessions
        List<String> clickIds = IntStream.range(0, CLICKS)
                .mapToObj(i -> "click-" + run + "-" + i)
                .toList();

        // when they are posted through the gateway
        for (int i = 0; i < CLICKS; i++) {
            ShopApi.Response response = post(click(clickIds.get(i), "session-" + (i % 10), product(i % PRODUCTS)));
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            assertThat(response.json().path("status").asString()).isEqualTo("recorded");
        }

        // then each product counts its clicks once
        Map<String, Long> expected = new HashMap<>();
        IntStream.range(0, PRODUCTS).forEach(p -> expected.put(product(p), (long) CLICKS / PRODUCTS));
        await().atMost(ARRIVAL).until(() -> counts().equals(expected));

        // and after the buffer interval the archive holds every click once
        await().atMost(ARRIVAL).until(() -> archived().size() >= CLICKS);
        assertThat(archived()).containsExactlyInAnyOrderElementsOf(clickIds);

        // and a click the schema refuses is a 400 problem, neither counted nor archived
        ShopApi.Response refused = post("{\"clickId\":\"click-" + run + "-bad\",\"productId\":\"" + product(0) + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("code").asString()).isEqualTo("INVALID_BODY");
        SettledRuns.of(suite, "AggregateClicksFunction");
        assertThat(counts()).isEqualTo(expected);
    }

    @Test
    void aPoisonRecordGoesToTheOnFailureQueueAndLaterClicksAreStillCounted() {
        // given a record on the stream that is not a click (a producer other than the API), between valid clicks
        String poisonSequence;
        try (KinesisClient kinesis = suite.stack().endpoint().kinesis()) {
            post(click("click-" + run + "-before", "session-p", product(0)));
            poisonSequence = kinesis.putRecord(
                            request -> request.streamName(suite.stack().ref("ClickStream"))
                                    .partitionKey("poison-" + run)
                                    .data(SdkBytes.fromUtf8String("{\"clickId\":\"poison-" + run + "\"}")))
                    .sequenceNumber();
        }

        // when more clicks follow through the gateway
        for (int i = 0; i < 3; i++) {
            assertThat(post(click("click-" + run + "-after-" + i, "session-p", product(0)))
                            .status())
                    .isEqualTo(202);
        }

        // then the poison record alone is reported to the on-failure queue, in Lambda's Kinesis format
        try (SqsClient sqs = suite.stack().endpoint().configure(SqsClient.builder())) {
            String queueUrl = suite.stack().ref("ClickFailuresQueue");
            JsonNode failure = await().atMost(ARRIVAL)
                    .until(() -> failureNaming(sqs, queueUrl, poisonSequence), found -> found != null);
            assertThat(failure.at("/KinesisBatchInfo/batchSize").asInt()).isEqualTo(1);
            assertThat(failure.at("/KinesisBatchInfo/endSequenceNumber").asString())
                    .isEqualTo(poisonSequence);
            assertThat(failure.at("/requestContext/condition").asString()).isEqualTo("RetryAttemptsExhausted");
        }

        // and every click before and after it is counted once
        await().atMost(ARRIVAL).until(() -> counts().getOrDefault(product(0), 0L) == 4L);
    }

    private ShopApi.Response post(String body) {
        return api.request("POST", "/clicks").json(body).send();
    }

    private static String click(String clickId, String sessionId, String productId) {
        return "{\"clickId\":\"" + clickId + "\",\"sessionId\":\"" + sessionId + "\",\"productId\":\"" + productId
                + "\",\"at\":\"2026-12-07T10:00:00Z\"}";
    }

    private String product(int index) {
        return "product-" + run + "-" + index;
    }

    /** The test's products' counts. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (int p = 0; p < PRODUCTS; p++) {
            String productId = product(p);
            Map<String, AttributeValue> item = dynamo.getItem(
                            request -> request.tableName(suite.stack().ref("ProductClicksTable"))
                                    .key(Map.of("productId", AttributeValue.fromS(productId)))
                                    .consistentRead(true))
                    .item();
            if (item.containsKey("clicks")) {
                counts.put(productId, Long.parseLong(item.get("clicks").n()));
            }
        }
        return counts;
    }

    /** The test's click ids in the archive; Firehose writes the records one after another, so JSON values in a row. */
    private List<String> archived() {
        String bucket = suite.stack().ref("ClickArchiveBucket");
        List<String> clickIds = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix("clicks/"))
                .contents()) {
            String body = s3.getObjectAsBytes(request -> request.bucket(bucket).key(object.key()))
                    .asUtf8String();
            try (var values = JSON.readerFor(JsonNode.class).<JsonNode>readValues(body)) {
                values.forEachRemaining(click -> {
                    String clickId = click.path("clickId").asString();
                    if (clickId.startsWith("click-" + run + "-")) {
                        clickIds.add(clickId);
                    }
                });
            }
        }
        return clickIds;
    }

    private static JsonNode failureNaming(SqsClient sqs, String queueUrl, String sequenceNumber) {
        for (Message message : sqs.receiveMessage(request ->
                        request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            JsonNode failure = JSON.readTree(message.body());
            if (sequenceNumber.equals(
                    failure.at("/KinesisBatchInfo/startSequenceNumber").asString())) {
                return failure;
            }
        }
        return null;
    }
}
