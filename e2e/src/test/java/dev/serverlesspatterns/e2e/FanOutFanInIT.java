package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fan-Out/Fan-In (billing's invoice run): a run file uploaded to the bucket reaches the splitter as an S3 event
 * notification, ten chunk messages fan out to the workers through SQS, and the last worker writes exactly one
 * aggregate. A chunk that cannot be billed fails the job and no aggregate is written; a chunk delivered twice counts
 * once.
 */
@ExtendWith(LocalSuiteExtension.class)
class FanOutFanInIT {

    /** The template's {@code INVOICE_RUN_CHUNK_SIZE}: 250 lines are ten chunks. */
    private static final int LINES = 250;

    private static final Duration RUN = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private S3Client s3;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private String bucket;
    private String table;

    @BeforeEach
    void open(LocalSuite suite) {
        s3 = suite.stack().endpoint().s3();
        dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder());
        sqs = suite.stack().endpoint().configure(SqsClient.builder());
        bucket = suite.stack().ref("InvoiceRunBucket");
        table = suite.stack().ref("InvoiceRunTable");
    }

    @AfterEach
    void close() {
        s3.close();
        dynamo.close();
        sqs.close();
    }

    @Test
    void tenChunksMakeOneAggregateWrittenOnceAndADuplicateChunkCountsOnce(LocalSuite suite) {
        // given a run of ten chunks
        String key = "runs/december " + UUID.randomUUID() + ".jsonl";

        // when it is uploaded
        upload(key, lines(-1));

        // then the job completes with all ten chunks done, and exactly one aggregate exists, in one version
        Map<String, AttributeValue> job = awaitJob(key, "COMPLETED");
        String jobId = job.get("jobId").s();
        assertThat(job.get("total").n()).isEqualTo("10");
        assertThat(job.get("done").n()).isEqualTo("10");
        assertThat(job.get("failed").n()).isEqualTo("0");
        String aggregateKey = "results/" + jobId + "/invoice-run.json";
        assertThat(versionsOf(aggregateKey)).hasSize(1);
        JsonNode aggregate = JSON.readTree(
                s3.getObjectAsBytes(get -> get.bucket(bucket).key(aggregateKey)).asUtf8String());
        assertThat(aggregate.get("chunks").asInt()).isEqualTo(10);
        assertThat(aggregate.get("invoiceCount").asInt()).isEqualTo(LINES);
        assertThat(aggregate.get("source").asString()).isEqualTo(key);

        // and when a chunk message of the run is delivered again
        int billed = suite.invocations().count("BillInvoiceRunChunkFunction");
        String duplicate = JSON.writeValueAsString(Map.of(
                "jobId", jobId, "chunk", 3, "total", 10, "lines", lines(-1).subList(75, 100)));
        sqs.sendMessage(
                send -> send.queueUrl(suite.stack().ref("InvoiceRunChunkQueue")).messageBody(duplicate));

        // then it is billed and counts nothing more: still ten done, still one aggregate version
        await().atMost(RUN).until(() -> suite.invocations().count("BillInvoiceRunChunkFunction") > billed);
        Map<String, AttributeValue> after = job(jobId).orElseThrow();
        assertThat(after.get("done").n()).isEqualTo("10");
        assertThat(after.get("status").s()).isEqualTo("COMPLETED");
        assertThat(versionsOf(aggregateKey)).hasSize(1);
    }

    @Test
    void aChunkThatCannotBeBilledFailsTheJobAndNoAggregateIsEverWritten() {
        // given a run of ten chunks whose seventh has a line without an amount
        String key = "runs/" + UUID.randomUUID() + ".jsonl";

        // when it is uploaded
        upload(key, lines(160));

        // then the job is marked failed, and no aggregate appears while the other chunks finish
        Map<String, AttributeValue> job = awaitJob(key, "FAILED");
        String jobId = job.get("jobId").s();
        assertThat(job.get("failed").n()).isEqualTo("1");
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        versionsOf("results/" + jobId + "/invoice-run.json").isEmpty());
        assertThat(job(jobId).orElseThrow().get("status").s()).isEqualTo("FAILED");
    }

    /** The run's lines; the line at {@code broken} (if any) has no amount. */
    private static List<String> lines(int broken) {
        return IntStream.range(0, LINES)
                .mapToObj(i -> i == broken
                        ? "{\"customerId\":\"c-broken\",\"currency\":\"EUR\"}"
                        : "{\"customerId\":\"c-%03d\",\"amountCents\":%d,\"currency\":\"EUR\"}".formatted(i, 100 + i))
                .toList();
    }

    private void upload(String key, List<String> lines) {
        s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromString(String.join("\n", lines) + "\n"));
    }

    private Map<String, AttributeValue> awaitJob(String source, String status) {
        return await().atMost(RUN)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> jobOf(source),
                        found -> found.isPresent()
                                && status.equals(found.get().get("status").s()))
                .orElseThrow();
    }

    /** The job of a run file: the splitter names it after the object, so the test finds it by its source. */
    private Optional<Map<String, AttributeValue>> jobOf(String source) {
        return dynamo
                .scanPaginator(scan -> scan.tableName(table)
                        .filterExpression("#item = :job AND #source = :source")
                        .expressionAttributeNames(Map.of("#item", "item", "#source", "source"))
                        .expressionAttributeValues(
                                Map.of(":job", AttributeValue.fromS("job"), ":source", AttributeValue.fromS(source))))
                .items()
                .stream()
                .findFirst();
    }

    private Optional<Map<String, AttributeValue>> job(String jobId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                        .key(Map.of("jobId", AttributeValue.fromS(jobId), "item", AttributeValue.fromS("job")))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private List<ObjectVersion> versionsOf(String key) {
        List<ObjectVersion> versions = new ArrayList<>(
                s3.listObjectVersions(list -> list.bucket(bucket).prefix(key)).versions());
        versions.removeIf(version -> !version.key().equals(key));
        return versions;
    }
}
