package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream event of the streams test template, provisioned and started the way the local suite does it, with
 * the settings of the orders stream consumer in infra/template.yaml.
 */
@ExtendWith(SharedEmulator.class)
class StreamEventSourcesTest {

    private static final Duration DELIVERY = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AwsEmulator emulator;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        dynamo = emulator.endpoint().configure(DynamoDbClient.builder());
        sqs = emulator.endpoint().configure(SqsClient.builder());
    }

    @AfterAll
    static void closeTheClients() {
        dynamo.close();
        sqs.close();
    }

    @Test
    void runsTheTemplatesStreamConsumerWithBisectRetriesAndItsFailureQueue() {
        // given the provisioned template: a table with a stream, and the consumer's failure queue
        Stack stack = Provisioner.provision(streamsTemplate(), emulator.endpoint(), "streams-test", Map.of());
        String table = stack.ref("OrdersTable");
        List.of("o-1", "o-2", "poison", "o-4").forEach(id -> put(table, id));
        RecordingInvoker lambda = RecordingInvoker.answering(event -> event.path("Records")
                        .valueStream()
                        .anyMatch(record -> id(record).equals("poison"))
                ? new InvocationResult("{\"errorMessage\":\"poison\"}".getBytes(StandardCharsets.UTF_8), "Unhandled")
                : RecordingInvoker.result("{\"batchItemFailures\":[]}"));

        // when the event sources start and one more change comes after the poison record
        List<Message> failures;
        try (var sources = EventSources.start(stack, lambda, new RecordingAsyncInvoker())) {
            String failureQueue = stack.attribute("OrderChangesFailuresQueue", "QueueUrl");
            failures = await().atMost(DELIVERY)
                    .until(
                            () -> sqs.receiveMessage(request ->
                                            request.queueUrl(failureQueue).waitTimeSeconds(1))
                                    .messages(),
                            messages -> !messages.isEmpty());
            put(table, "o-5");
            await().atMost(DELIVERY)
                    .until(() -> lambda.records().stream()
                            .anyMatch(record -> id(record).equals("o-5")));
        }

        // then only the enabled consumer ran, every good record reached it, and the shard moved past the poison
        assertThat(lambda.invocations())
                .extracting(RecordingInvoker.Invocation::functionLogicalId)
                .containsOnly("ProjectOrdersFunction");
        assertThat(lambda.records()).extracting(StreamEventSourcesTest::id).contains("o-1", "o-2", "o-4", "o-5");
        assertThat(lambda.records())
                .filteredOn(record -> id(record).equals("poison"))
                .allSatisfy(record -> assertThat(record.path("eventSourceARN").asString())
                        .isEqualTo(stack.attribute("OrdersTable", "StreamArn")));

        // and the poison record alone was reported after its first attempt and three retries
        assertThat(failures).hasSize(1);
        JsonNode failure = JSON.readTree(failures.getFirst().body());
        assertThat(failure.at("/requestContext/condition").asString()).isEqualTo("RetryAttemptsExhausted");
        assertThat(failure.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(4);
        assertThat(failure.at("/requestContext/functionArn").asString())
                .isEqualTo(stack.attribute("ProjectOrdersFunction", "Arn"));
        assertThat(failure.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(failure.at("/DDBStreamBatchInfo/streamArn").asString())
                .isEqualTo(stack.attribute("OrdersTable", "StreamArn"));
    }

    private static void put(String table, String id) {
        dynamo.putItem(request -> request.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
    }

    private static String id(JsonNode record) {
        return record.at("/dynamodb/Keys/id/S").asString();
    }

    private static SamTemplate streamsTemplate() {
        try {
            return SamTemplate.load(Path.of(StreamEventSourcesTest.class
                    .getResource("/templates/streams.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
