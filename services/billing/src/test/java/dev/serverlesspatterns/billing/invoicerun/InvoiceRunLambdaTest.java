package dev.serverlesspatterns.billing.invoicerun;

import static dev.serverlesspatterns.local.testing.SqsEvents.event;
import static dev.serverlesspatterns.local.testing.SqsEvents.failedIds;
import static dev.serverlesspatterns.local.testing.SqsEvents.message;
import static dev.serverlesspatterns.local.testing.SqsEvents.redelivered;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The invoice run's two functions through SCF's FunctionInvoker: the splitter fed Lambda's S3 event for an uploaded
 * run file, the worker fed the SQS events of the chunk messages the splitter sent.
 */
@ExtendWith(LocalAwsExtension.class)
class InvoiceRunLambdaTest {

    private static final String SPLITTER = "SplitInvoiceRunFunction";
    private static final String WORKER = "BillInvoiceRunChunkFunction";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private S3Client s3;
    private SqsClient sqs;
    private DynamoDbClient dynamo;
    private String bucket;
    private String chunkQueueUrl;
    private String table;

    @BeforeEach
    void open(ProvisionedStack stack) {
        s3 = stack.client(S3Client.builder().forcePathStyle(true));
        sqs = stack.client(SqsClient.builder());
        dynamo = stack.client(DynamoDbClient.builder());
        bucket = stack.physicalName("InvoiceRunBucket");
        chunkQueueUrl = stack.physicalName("InvoiceRunChunkQueue");
        table = stack.physicalName("InvoiceRunTable");
    }

    @AfterEach
    void close() {
        s3.close();
        sqs.close();
        dynamo.close();
    }

    @Test
    void splitsAnUploadedRunIntoChunkMessagesAndStartsItsJobOnce(LambdaHarness lambda) {
        // given a run of 60 lines uploaded (25 lines a chunk)
        String key = "runs/december " + UUID.randomUUID() + ".jsonl";
        String eTag = upload(key, lines(60, 0));
        String s3Event = s3Event(key, eTag);

        // when S3 notifies the splitter, twice (S3 delivers at least once)
        lambda.invoke(SPLITTER, s3Event);
        lambda.invoke(SPLITTER, s3Event);

        // then the job was started once, with three chunks
        String jobId = SplitInvoiceRun.jobIdOf(bucket, key, eTag);
        Map<String, AttributeValue> job = job(jobId);
        assertThat(job.get("status").s()).isEqualTo("RUNNING");
        assertThat(job.get("total").n()).isEqualTo("3");
        assertThat(job.get("done").n()).isEqualTo("0");
        assertThat(job.get("source").s()).isEqualTo(key);
        // and each chunk went out (again for the second notification), lines in order
        List<JsonNode> chunks =
                chunkMessages(jobId).stream().map(m -> JSON.readTree(m.body())).toList();
        assertThat(chunks).hasSize(6);
        assertThat(chunks.stream().map(c -> c.get("chunk").asInt()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(0, 1, 2);
        JsonNode last = chunks.stream()
                .filter(c -> c.get("chunk").asInt() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(last.get("lines")).hasSize(10);
        assertThat(last.get("total").asInt()).isEqualTo(3);
    }

    @Test
    void theLastChunkWritesOneAggregateAndARedeliveredChunkCountsOnce(LambdaHarness lambda) {
        // given a run split into three chunk messages
        String key = "runs/" + UUID.randomUUID() + ".jsonl";
        String eTag = upload(key, lines(60, 0));
        lambda.invoke(SPLITTER, s3Event(key, eTag));
        String jobId = SplitInvoiceRun.jobIdOf(bucket, key, eTag);
        List<ObjectNode> messages =
                chunkMessages(jobId).stream().map(this::asRecord).toList();

        // when the first two are billed, the first is delivered again, then the last is billed
        assertThat(failedIds(lambda.invoke(WORKER, event(messages.get(0), messages.get(1)))))
                .isEmpty();
        assertThat(failedIds(lambda.invoke(WORKER, event(redelivered(messages.get(0))))))
                .isEmpty();
        assertThat(job(jobId).get("done").n()).isEqualTo("2");
        assertThat(aggregates(jobId)).isEmpty();
        assertThat(failedIds(lambda.invoke(WORKER, event(messages.get(2))))).isEmpty();

        // then the job is complete, with one aggregate of all 60 lines
        Map<String, AttributeValue> job = job(jobId);
        assertThat(job.get("status").s()).isEqualTo("COMPLETED");
        assertThat(job.get("done").n()).isEqualTo("3");
        assertThat(aggregates(jobId)).containsExactly("results/" + jobId + "/invoice-run.json");
        JsonNode aggregate = JSON.readTree(
                s3.getObjectAsBytes(get -> get.bucket(bucket).key("results/" + jobId + "/invoice-run.json"))
                        .asUtf8String());
        assertThat(aggregate.get("chunks").asInt()).isEqualTo(3);
        assertThat(aggregate.get("invoiceCount").asInt()).isEqualTo(60);
        assertThat(aggregate.get("totalCents").get("EUR").asLong())
                .isEqualTo(IntStream.range(0, 60).mapToLong(i -> 100L + i).sum());

        // and a late duplicate of a chunk changes nothing
        assertThat(failedIds(lambda.invoke(WORKER, event(redelivered(messages.get(2))))))
                .isEmpty();
        assertThat(job(jobId).get("done").n()).isEqualTo("3");
        assertThat(job(jobId).get("status").s()).isEqualTo("COMPLETED");
    }

    @Test
    void aChunkThatCannotBeBilledFailsTheJobAndNoAggregateIsWritten(LambdaHarness lambda) {
        // given a run whose second chunk has a line without an amount
        String key = "runs/" + UUID.randomUUID() + ".jsonl";
        List<String> lines = new ArrayList<>(lines(60, 0));
        lines.set(30, "{\"customerId\":\"c-broken\",\"currency\":\"EUR\"}");
        String eTag = upload(key, lines);
        lambda.invoke(SPLITTER, s3Event(key, eTag));
        String jobId = SplitInvoiceRun.jobIdOf(bucket, key, eTag);
        List<ObjectNode> messages = chunkMessages(jobId).stream()
                .sorted((a, b) -> Integer.compare(chunkOf(a), chunkOf(b)))
                .map(this::asRecord)
                .toList();

        // when every chunk is delivered, the broken one twice (its retry)
        String output = lambda.invoke(WORKER, event(messages.get(0), messages.get(1), messages.get(2)));
        String retry = lambda.invoke(WORKER, event(redelivered(messages.get(1))));

        // then the broken chunk is reported each time (the DLQ gets it after maxReceiveCount)
        assertThat(failedIds(output))
                .containsExactly(messages.get(1).get("messageId").asString());
        assertThat(failedIds(retry)).hasSize(1);
        // and the job is failed once; the chunk before it was counted, the one after is not billed into a failed run
        Map<String, AttributeValue> job = job(jobId);
        assertThat(job.get("status").s()).isEqualTo("FAILED");
        assertThat(job.get("failed").n()).isEqualTo("1");
        assertThat(job.get("done").n()).isEqualTo("1");
        assertThat(aggregates(jobId)).isEmpty();
    }

    @Test
    void aMessageThatIsNoChunkIsReportedAndWritesNothing(LambdaHarness lambda, ProvisionedStack stack) {
        // given
        ObjectNode notAChunk = withBody(
                message("invoicerun/bill-invoice-run-chunk.json", Map.of("JOB_ID", "job-" + UUID.randomUUID())),
                "{\"jobId\":\"x\",\"chunk\":5,\"total\":1,\"lines\":[]}");
        Map<String, Integer> before = stack.itemCounts();

        // when
        String output = lambda.invoke(WORKER, event(notAChunk));

        // then
        assertThat(failedIds(output)).containsExactly(notAChunk.get("messageId").asString());
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    private String s3Event(String key, String eTag) {
        return Fixtures.event(
                        "invoicerun/split-invoice-run.json",
                        Map.of(
                                "RUN_BUCKET",
                                bucket,
                                "RUN_KEY",
                                URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"),
                                "RUN_ETAG",
                                eTag))
                .toString();
    }

    private static List<String> lines(int count, int from) {
        return IntStream.range(from, from + count)
                .mapToObj(i ->
                        "{\"customerId\":\"c-%03d\",\"amountCents\":%d,\"currency\":\"EUR\"}".formatted(i, 100 + i))
                .toList();
    }

    private String upload(String key, List<String> lines) {
        return s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromString(String.join("\n", lines) + "\n"))
                .eTag()
                .replace("\"", "");
    }

    private Map<String, AttributeValue> job(String jobId) {
        return dynamo.getItem(get -> get.tableName(table)
                        .key(Map.of("jobId", AttributeValue.fromS(jobId), "item", AttributeValue.fromS("job")))
                        .consistentRead(true))
                .item();
    }

    /** The chunk messages of this job waiting in the workers' queue (other tests' stay there). */
    private List<Message> chunkMessages(String jobId) {
        List<Message> found = new ArrayList<>();
        List<Message> received;
        do {
            received = sqs.receiveMessage(receive -> receive.queueUrl(chunkQueueUrl)
                            .maxNumberOfMessages(10)
                            .visibilityTimeout(300)
                            .waitTimeSeconds(1))
                    .messages();
            received.stream().filter(m -> m.body().contains(jobId)).forEach(found::add);
        } while (!received.isEmpty());
        return found;
    }

    private ObjectNode asRecord(Message received) {
        return withBody(message("invoicerun/bill-invoice-run-chunk.json"), received.body())
                .put("messageId", received.messageId());
    }

    private static int chunkOf(Message message) {
        return JSON.readTree(message.body()).get("chunk").asInt();
    }

    private List<String> aggregates(String jobId) {
        return s3.listObjectsV2(list -> list.bucket(bucket).prefix("results/" + jobId + "/")).contents().stream()
                .map(S3Object::key)
                .filter(k -> !k.contains("/chunks/"))
                .toList();
    }
}
