package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.events.RecordingInvoker.Invocation;
import dev.serverlesspatterns.local.template.FunctionDefinition.SqsEvent;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.JsonNode;

/** The SQS event source mapping against the emulator's queues: Lambda's delete, retry, concurrency and FIFO rules. */
@ExtendWith(SharedEmulator.class)
class SqsEventSourceMappingTest {

    private static final String FUNCTION = "ProcessWorkFunction";
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private static AwsEmulator emulator;
    private static SqsClient sqs;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
    }

    @Test
    void redeliversOnlyTheRecordReportedAsBatchItemFailure(TestInfo test) {
        // given three messages, and a function that reports the bad one as a batch item failure
        TestQueue queue = queue(test, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        List.of("good-1", "good-2", "bad").forEach(body -> queue.send(sqs, body));
        RecordingInvoker function = RecordingInvoker.answering(
                event -> RecordingInvoker.result("{\"batchItemFailures\":[" + failuresOf(event, "bad") + "]}"));

        // when the mapping runs
        try (var mapping = mapping(queue, function, sqsEvent(10, 0, null)).start()) {
            await().atMost(DELIVERY)
                    .until(() ->
                            function.bodies().stream().filter("bad"::equals).count() >= 2);
        }

        // then the bad record came back after the visibility timeout, the good ones were deleted after one delivery
        assertThat(function.bodies())
                .filteredOn(body -> body.startsWith("good"))
                .containsExactlyInAnyOrder("good-1", "good-2");
        assertThat(function.records())
                .filteredOn(record -> record.path("body").asString().equals("bad"))
                .extracting(record -> record.path("attributes")
                        .path("ApproximateReceiveCount")
                        .asString())
                .startsWith("1", "2");
        assertThat(queue.approximateSize(sqs)).isEqualTo(1);
    }

    @Test
    void aFunctionErrorLeavesTheMessageToTheRedrivePolicy(TestInfo test) {
        // given a queue that moves a message to its DLQ after two receives, and a function that always fails
        TestQueue deadLetters = queue(test, "-dlq", Map.of());
        TestQueue queue = queue(
                test,
                Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT,
                        "1",
                        QueueAttributeName.REDRIVE_POLICY,
                        "{\"deadLetterTargetArn\":\"" + deadLetters.arn() + "\",\"maxReceiveCount\":\"2\"}"));
        queue.send(sqs, "{\"orderId\":\"poison\"}");
        RecordingInvoker function = RecordingInvoker.failing();

        // when the mapping runs until the message is in the DLQ
        List<Message> deadLettered;
        try (var mapping = mapping(queue, function, sqsEvent(10, 0, null)).start()) {
            deadLettered =
                    await().atMost(DELIVERY).until(() -> deadLetters.receive(sqs), messages -> !messages.isEmpty());
        }

        // then the DLQ holds the original body, after exactly maxReceiveCount invocations
        assertThat(deadLettered).extracting(Message::body).containsExactly("{\"orderId\":\"poison\"}");
        assertThat(function.bodies()).containsExactly("{\"orderId\":\"poison\"}", "{\"orderId\":\"poison\"}");
    }

    @Test
    void gathersABatchWithinTheBatchingWindowAndInvokesOnceItIsFull(TestInfo test) throws InterruptedException {
        // given a mapping of batch size 3 with a five-second batching window
        TestQueue queue = queue(test, Map.of());
        RecordingInvoker function = RecordingInvoker.succeeding();

        try (var mapping = mapping(queue, function, sqsEvent(3, 5, null)).start()) {
            // when one message arrives, then two more half a second later
            long sent = System.nanoTime();
            queue.send(sqs, "first");
            Thread.sleep(500);
            queue.send(sqs, "second");
            queue.send(sqs, "third");

            // then the function gets one batch of all three, as soon as the batch is full rather than at the window's
            // end
            await().atMost(DELIVERY).until(() -> function.bodies().size() >= 3);
            assertThat(function.invocations()).singleElement().satisfies(invocation -> {
                assertThat(invocation.records()).hasSize(3);
                assertThat(Duration.ofNanos(invocation.startedNanos() - sent)).isLessThan(Duration.ofSeconds(4));
            });
        }
    }

    @Test
    void neverRunsMoreBatchesThanMaximumConcurrency(TestInfo test) {
        // given twenty messages and a slow function behind a mapping limited to two concurrent batches
        TestQueue queue = queue(test, Map.of());
        sendNumbered(queue, 20);
        RecordingInvoker function = RecordingInvoker.succeeding().taking(Duration.ofMillis(300));

        // when the mapping runs
        try (var mapping = mapping(queue, function, sqsEvent(1, 0, 2)).start()) {
            await().atMost(DELIVERY).until(() -> function.bodies().size() >= 20);
            await().atMost(DELIVERY).until(() -> queue.approximateSize(sqs) == 0);
        }

        // then every message was processed once, two batches at a time and never more
        assertThat(function.bodies()).hasSize(20).doesNotHaveDuplicates();
        assertThat(function.peakConcurrency()).isEqualTo(2);
    }

    @Test
    void withoutMaximumConcurrencyBatchesRunInParallel(TestInfo test) {
        // given six messages and a slow function behind a mapping without ScalingConfig
        TestQueue queue = queue(test, Map.of());
        sendNumbered(queue, 6);
        RecordingInvoker function = RecordingInvoker.succeeding().taking(Duration.ofMillis(800));

        // when the mapping runs
        try (var mapping = mapping(queue, function, sqsEvent(1, 0, null)).start()) {
            await().atMost(DELIVERY).until(() -> function.bodies().size() >= 6);
        }

        // then more than two batches were in flight at once
        assertThat(function.peakConcurrency()).isGreaterThan(2);
    }

    @Test
    void keepsEachFifoMessageGroupInOrderAndNeverInTwoBatchesAtOnce(TestInfo test) {
        // given two interleaved message groups in a FIFO queue, and a slow function
        TestQueue queue = queue(
                test,
                ".fifo",
                Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        for (int entry = 1; entry <= 5; entry++) {
            for (String group : List.of("g1", "g2")) {
                String body = group + "-" + entry;
                sqs.sendMessage(request -> request.queueUrl(queue.url())
                        .messageBody(body)
                        .messageGroupId(group)
                        .messageDeduplicationId(body));
            }
        }
        RecordingInvoker function = RecordingInvoker.succeeding().taking(Duration.ofMillis(200));

        // when a mapping without a concurrency limit runs
        try (var mapping = mapping(queue, function, sqsEvent(2, 0, null)).start()) {
            await().atMost(DELIVERY).until(() -> function.bodies().size() >= 10);
        }

        // then each group was seen in order, and no two batches holding the same group overlapped in time
        assertThat(function.bodies())
                .filteredOn(body -> body.startsWith("g1"))
                .containsExactly("g1-1", "g1-2", "g1-3", "g1-4", "g1-5");
        assertThat(function.bodies())
                .filteredOn(body -> body.startsWith("g2"))
                .containsExactly("g2-1", "g2-2", "g2-3", "g2-4", "g2-5");
        List<Invocation> invocations = function.invocations();
        for (Invocation one : invocations) {
            for (Invocation other : invocations) {
                if (one != other
                        && !groups(one).stream()
                                .filter(groups(other)::contains)
                                .toList()
                                .isEmpty()) {
                    assertThat(one.overlaps(other))
                            .as("batches %s and %s share a group", one.event(), other.event())
                            .isFalse();
                }
            }
        }
    }

    @Test
    void buildsTheSqsEventLambdaHandsTheFunction(TestInfo test) {
        // given a message with a string and a binary attribute
        TestQueue queue = queue(test, Map.of());
        String body = "{\"quote\": \"stock\", \"price\": 41.27}";
        sqs.sendMessage(request -> request.queueUrl(queue.url())
                .messageBody(body)
                .messageAttributes(Map.of(
                        "QuoteType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("stock")
                                .build(),
                        "Checksum",
                        MessageAttributeValue.builder()
                                .dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, 3}))
                                .build())));
        RecordingInvoker function = RecordingInvoker.succeeding();

        // when the mapping hands it to the function
        try (var mapping = mapping(queue, function, sqsEvent(10, 0, null)).start()) {
            await().atMost(DELIVERY).until(() -> !function.records().isEmpty());
        }

        // then the record has the fields and casing of an SQS event captured on AWS
        JsonNode captured = EventFixtures.read("sqs-event.json").at("/Records/0");
        JsonNode record = function.records().getFirst();
        assertThat(record.propertyNames()).containsExactlyInAnyOrderElementsOf(captured.propertyNames());
        assertThat(record.path("attributes").propertyNames())
                .containsExactlyInAnyOrderElementsOf(captured.path("attributes").propertyNames());
        assertThat(record.path("messageAttributes")).isEqualTo(captured.path("messageAttributes"));
        assertThat(record.path("body").asString()).isEqualTo(body);
        assertThat(record.path("md5OfBody").asString()).isEqualTo(md5Hex(body));
        assertThat(record.path("eventSource").asString()).isEqualTo("aws:sqs");
        assertThat(record.path("eventSourceARN").asString()).isEqualTo(queue.arn());
        assertThat(record.path("awsRegion").asString())
                .isEqualTo(emulator.endpoint().region());
        assertThat(record.path("attributes").path("ApproximateReceiveCount").asString())
                .isEqualTo("1");
    }

    @Test
    void handsAFifoGroupBackFromItsOldestMessageAfterItsRecordsFailed(TestInfo test) {
        // given five messages of one group, and a function that reports entries 3..5 failed the first time
        TestQueue queue = queue(
                test,
                ".fifo",
                Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        for (int entry = 1; entry <= 5; entry++) {
            String body = "entry-" + entry;
            sqs.sendMessage(request -> request.queueUrl(queue.url())
                    .messageBody(body)
                    .messageGroupId("g1")
                    .messageDeduplicationId(body));
        }
        AtomicBoolean firstBatch = new AtomicBoolean(true);
        RecordingInvoker function = RecordingInvoker.answering(event -> RecordingInvoker.result(
                firstBatch.getAndSet(false)
                        ? "{\"batchItemFailures\":["
                                + String.join(
                                        ",",
                                        failuresOf(event, "entry-3"),
                                        failuresOf(event, "entry-4"),
                                        failuresOf(event, "entry-5"))
                                + "]}"
                        : "{}"));

        // when the mapping runs and the failed entries come back after the visibility timeout
        try (var mapping = mapping(queue, function, sqsEvent(10, 0, null)).start()) {
            await().atMost(DELIVERY).until(() -> function.bodies().size() >= 8);
        }

        // then they come back from the oldest, in order (moto 5.2.1 alone answers entry-5 first; the launcher fixes it)
        assertThat(function.bodies())
                .containsExactly(
                        "entry-1", "entry-2", "entry-3", "entry-4", "entry-5", "entry-3", "entry-4", "entry-5");
    }

    @Test
    void addsTheFifoAttributesForAFifoQueue(TestInfo test) {
        // given a message in a FIFO queue
        TestQueue queue = queue(test, ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        sqs.sendMessage(request -> request.queueUrl(queue.url())
                .messageBody("{\"entry\": 1}")
                .messageGroupId("account-42")
                .messageDeduplicationId("entry-1"));
        RecordingInvoker function = RecordingInvoker.succeeding();

        // when the mapping hands it to the function
        try (var mapping = mapping(queue, function, sqsEvent(10, 0, null)).start()) {
            await().atMost(DELIVERY).until(() -> !function.records().isEmpty());
        }

        // then the record carries the group, deduplication id and sequence number, like a captured FIFO event
        JsonNode captured = EventFixtures.read("sqs-fifo-event.json").at("/Records/0");
        JsonNode record = function.records().getFirst();
        assertThat(record.propertyNames()).containsExactlyInAnyOrderElementsOf(captured.propertyNames());
        assertThat(record.path("attributes").propertyNames())
                .containsExactlyInAnyOrderElementsOf(captured.path("attributes").propertyNames());
        assertThat(record.path("attributes").path("MessageGroupId").asString()).isEqualTo("account-42");
        assertThat(record.path("attributes").path("MessageDeduplicationId").asString())
                .isEqualTo("entry-1");
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> groups(Invocation invocation) {
        return invocation.records().stream()
                .map(record -> record.path("attributes").path("MessageGroupId").asString())
                .toList();
    }

    private static String failuresOf(JsonNode event, String failingBody) {
        return String.join(
                ",",
                event.path("Records")
                        .valueStream()
                        .filter(record -> record.path("body").asString().equals(failingBody))
                        .map(record -> "{\"itemIdentifier\":\""
                                + record.path("messageId").asString() + "\"}")
                        .toList());
    }

    private static void sendNumbered(TestQueue queue, int count) {
        for (int first = 0; first < count; first += 10) {
            List<SendMessageBatchRequestEntry> entries = IntStream.range(first, Math.min(first + 10, count))
                    .mapToObj(i -> SendMessageBatchRequestEntry.builder()
                            .id("m" + i)
                            .messageBody("message-" + i)
                            .build())
                    .toList();
            sqs.sendMessageBatch(request -> request.queueUrl(queue.url()).entries(entries));
        }
    }

    static SqsEvent sqsEvent(int batchSize, int windowSeconds, Integer maximumConcurrency) {
        return new SqsEvent(FUNCTION, "Work", Map.of(), batchSize, windowSeconds, true, maximumConcurrency, true);
    }

    static SqsEventSourceMapping mapping(TestQueue queue, RecordingInvoker function, SqsEvent event) {
        return new SqsEventSourceMapping(sqs, event, queue.url(), queue.arn(), function);
    }

    private static TestQueue queue(TestInfo test, Map<QueueAttributeName, String> attributes) {
        return queue(test, "", attributes);
    }

    private static TestQueue queue(TestInfo test, String suffix, Map<QueueAttributeName, String> attributes) {
        String name = test.getTestMethod().orElseThrow().getName();
        return TestQueue.create(sqs, name.substring(0, Math.min(name.length(), 60)) + suffix, attributes);
    }
}
