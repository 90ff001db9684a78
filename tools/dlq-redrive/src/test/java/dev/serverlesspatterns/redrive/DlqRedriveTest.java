package dev.serverlesspatterns.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Re-driving a standard dead-letter queue against the emulator: everything arrives, nothing is ever lost. */
@ExtendWith(SharedEmulator.class)
class DlqRedriveTest {

    private static final int MESSAGES = 30;
    private static final Duration SHORT_VISIBILITY = Duration.ofSeconds(2);

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static TestQueues queues;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        queues = new TestQueues(sqs);
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
    }

    @Test
    void movesEveryMessageBackToItsSourceQueueWithBodyAndAttributes() {
        // given 30 dead letters with message attributes of every data type
        TestQueues.Pair pair = queues.standard("orders");
        List<String> bodies = deadLetters(pair);

        // when the dead-letter queue is re-driven
        RedriveResult result = redrive().redrive(RedriveRequest.of(pair.deadLetters()));

        // then all 30 are in the source queue, unchanged, and the dead-letter queue is empty
        assertThat(result.succeeded()).isTrue();
        assertThat(result.moved()).isEqualTo(MESSAGES);
        assertThat(result.targetQueueUrl()).contains(pair.source());
        List<Message> moved = queues.drain(pair.source());
        assertThat(moved).extracting(Message::body).containsExactlyInAnyOrderElementsOf(bodies);
        moved.forEach(message -> assertThat(message.messageAttributes()).isEqualTo(attributesOf(message.body())));
        assertThat(queues.counts(pair.deadLetters())).isEqualTo(new TestQueues.Counts(0, 0));
    }

    @Test
    void aDryRunListsTheMessagesAndLeavesTheQueueAsItWas() {
        // given 30 dead letters
        TestQueues.Pair pair = queues.standard("dry-run");
        List<String> bodies = deadLetters(pair);
        TestQueues.Counts before = queues.counts(pair.deadLetters());

        // when a dry run lists them
        RedriveResult result =
                redrive().redrive(RedriveRequest.of(pair.deadLetters()).withDryRun());

        // then it saw all 30, moved none, and every one can be received again at once
        assertThat(result.listed()).isEqualTo(MESSAGES);
        assertThat(result.moved()).isZero();
        assertThat(queues.counts(pair.deadLetters())).isEqualTo(before).isEqualTo(new TestQueues.Counts(30, 0));
        assertThat(queues.counts(pair.source())).isEqualTo(new TestQueues.Counts(0, 0));
        assertThat(queues.drainBodies(pair.deadLetters())).containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void movesNoMoreThanTheMaximum() {
        // given 30 dead letters
        TestQueues.Pair pair = queues.standard("max");
        deadLetters(pair);

        // when at most 12 are re-driven
        RedriveResult result =
                redrive().redrive(RedriveRequest.of(pair.deadLetters()).withMaxMessages(12));

        // then exactly 12 moved and 18 wait in the dead-letter queue
        assertThat(result.moved()).isEqualTo(12);
        assertThat(queues.drainBodies(pair.source())).hasSize(12);
        assertThat(queues.counts(pair.deadLetters())).isEqualTo(new TestQueues.Counts(18, 0));
    }

    @Test
    void aTargetThatStartsFailingStopsTheRunAndLosesNothing() {
        // given 30 dead letters, and SQS refusing every send after the 14th (in the middle of the second batch)
        TestQueues.Pair pair = queues.standard("failing-target");
        List<String> bodies = deadLetters(pair);
        DlqRedrive redrive = new DlqRedrive(FaultySqs.failingSendsAfter(sqs, 14), SHORT_VISIBILITY);

        // when the dead-letter queue is re-driven
        RedriveResult result = redrive.redrive(RedriveRequest.of(pair.deadLetters()));

        // then the run reports the failure, and every message is in exactly one of the two queues
        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure()).get().asString().contains("Service unavailable (injected)");
        assertThat(result.moved()).isEqualTo(14);
        // the unsent rest of the batch was made visible again at once, not after the visibility timeout
        assertThat(queues.counts(pair.deadLetters())).isEqualTo(new TestQueues.Counts(16, 0));
        List<String> inSource = queues.drainBodies(pair.source());
        List<String> inDeadLetters = queues.drainBodies(pair.deadLetters());
        assertThat(inSource).hasSize(14).doesNotContainAnyElementsOf(inDeadLetters);
        assertThat(Stream.concat(inSource.stream(), inDeadLetters.stream()))
                .containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void aCrashBetweenSendAndDeleteLeavesCopiesNeverLossesAndARerunFinishes() {
        // given 30 dead letters, and a run whose process dies just before its second delete
        TestQueues.Pair pair = queues.standard("crash");
        List<String> bodies = deadLetters(pair);
        DlqRedrive crashing = new DlqRedrive(FaultySqs.killedAtDelete(sqs, 2), SHORT_VISIBILITY);

        // when it runs
        assertThatThrownBy(() -> crashing.redrive(RedriveRequest.of(pair.deadLetters())))
                .isInstanceOf(FaultySqs.ProcessKilled.class);

        // then the second batch is in the source and, once its visibility timeout is over, in the DLQ too
        assertThat(queues.counts(pair.source())).isEqualTo(new TestQueues.Counts(20, 0));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queues.counts(pair.deadLetters()).equals(new TestQueues.Counts(20, 0)));

        // when the re-drive runs again
        RedriveResult rerun = redrive().redrive(RedriveRequest.of(pair.deadLetters()));

        // then every message reached the source, the crashed batch twice (at least once), and the DLQ is empty
        assertThat(rerun.succeeded()).isTrue();
        assertThat(rerun.moved()).isEqualTo(20);
        List<String> inSource = queues.drainBodies(pair.source());
        assertThat(inSource).hasSize(40);
        assertThat(Set.copyOf(inSource)).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(queues.counts(pair.deadLetters())).isEqualTo(new TestQueues.Counts(0, 0));
    }

    @Test
    void aTargetQueueThatDoesNotExistMovesNothing() {
        // given 30 dead letters
        TestQueues.Pair pair = queues.standard("missing-target");
        deadLetters(pair);
        String missing = pair.source() + "-deleted";

        // when they are re-driven to a queue that does not exist
        RedriveResult result =
                redrive().redrive(RedriveRequest.of(pair.deadLetters()).withTarget(missing));

        // then the run stops at the first send and all 30 stay, visible, in the dead-letter queue
        assertThat(result.succeeded()).isFalse();
        assertThat(result.moved()).isZero();
        assertThat(result.failure()).get().asString().contains(missing);
        assertThat(queues.counts(pair.deadLetters())).isEqualTo(new TestQueues.Counts(30, 0));
    }

    @Test
    void asksForATargetWhenNoQueueNamesTheDeadLetterQueue() {
        // given a queue that is nobody's dead-letter queue, like a Lambda on-failure destination
        String failures = queues.standalone("failures");

        // when it is re-driven without a target
        // then the re-drive refuses, asking for one
        assertThatThrownBy(() -> redrive().redrive(RedriveRequest.of(failures)))
                .isInstanceOf(RedriveException.class)
                .hasMessageContaining("No queue has " + failures + " as its dead-letter queue")
                .hasMessageContaining("--target");
    }

    private static DlqRedrive redrive() {
        return new DlqRedrive(sqs, DlqRedrive.DEFAULT_VISIBILITY_TIMEOUT);
    }

    /**
     * 30 messages straight into the dead-letter queue, as if each had failed maxReceiveCount times, with message
     * attributes of every data type. Returns the bodies.
     */
    private static List<String> deadLetters(TestQueues.Pair pair) {
        List<String> bodies = IntStream.rangeClosed(1, MESSAGES)
                .mapToObj(number -> "{\"orderId\":\"o-%d\",\"status\":\"created\"}".formatted(number))
                .toList();
        bodies.forEach(body -> queues.send(pair.deadLetters(), body, attributesOf(body)));
        return bodies;
    }

    private static Map<String, MessageAttributeValue> attributesOf(String body) {
        return Map.of(
                "contentType",
                MessageAttributeValue.builder()
                        .dataType("String")
                        .stringValue("application/json")
                        .build(),
                "bodyLength",
                MessageAttributeValue.builder()
                        .dataType("Number")
                        .stringValue(String.valueOf(body.length()))
                        .build(),
                "signature",
                MessageAttributeValue.builder()
                        .dataType("Binary.sha256")
                        .binaryValue(SdkBytes.fromUtf8String("signed:" + body))
                        .build());
    }
}
