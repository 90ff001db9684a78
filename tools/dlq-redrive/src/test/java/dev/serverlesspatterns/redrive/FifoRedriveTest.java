package dev.serverlesspatterns.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Re-driving a FIFO dead-letter queue: each message group keeps its order, and a re-run adds no duplicate. */
@ExtendWith(SharedEmulator.class)
class FifoRedriveTest {

    private static final List<String> ACCOUNTS = List.of("acc-1", "acc-2", "acc-3");

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
    void keepsTheOrderOfEveryMessageGroup() {
        // given ledger entries of three accounts, interleaved, 24 in all (three batches)
        TestQueues.Pair ledger = queues.fifo("ledger");
        Map<String, List<String>> entries = ledgerEntries(ledger, 8);

        // when the dead-letter queue is re-driven
        RedriveResult result = new DlqRedrive(sqs, DlqRedrive.DEFAULT_VISIBILITY_TIMEOUT)
                .redrive(RedriveRequest.of(ledger.deadLetters()));

        // then the source queue hands out each account's entries in their original order
        assertThat(result.moved()).isEqualTo(24);
        assertThat(byGroup(queues.drain(ledger.source()))).isEqualTo(entries);
        assertThat(queues.counts(ledger.deadLetters())).isEqualTo(new TestQueues.Counts(0, 0));
    }

    @Test
    void aRerunAfterACrashBetweenSendAndDeleteAddsNoDuplicate() {
        // given 15 ledger entries, and a run whose process dies after sending the first batch, before deleting it
        TestQueues.Pair ledger = queues.fifo("ledger-crash");
        Map<String, List<String>> entries = ledgerEntries(ledger, 5);
        DlqRedrive crashing = new DlqRedrive(FaultySqs.killedAtDelete(sqs, 1), Duration.ofSeconds(2));
        assertThatThrownBy(() -> crashing.redrive(RedriveRequest.of(ledger.deadLetters())))
                .isInstanceOf(FaultySqs.ProcessKilled.class);
        assertThat(queues.counts(ledger.source()).visible()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queues.counts(ledger.deadLetters()).equals(new TestQueues.Counts(15, 0)));

        // when the re-drive runs again, sending the first ten once more
        RedriveResult rerun = new DlqRedrive(sqs, DlqRedrive.DEFAULT_VISIBILITY_TIMEOUT)
                .redrive(RedriveRequest.of(ledger.deadLetters()));

        // then SQS dropped the repeated sends (same deduplication ids): each entry arrived once, in order
        assertThat(rerun.moved()).isEqualTo(15);
        assertThat(byGroup(queues.drain(ledger.source()))).isEqualTo(entries);
        assertThat(queues.counts(ledger.deadLetters())).isEqualTo(new TestQueues.Counts(0, 0));
    }

    /** {@code perAccount} entries for each account, sent round-robin; returns each account's entries in order. */
    private static Map<String, List<String>> ledgerEntries(TestQueues.Pair ledger, int perAccount) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        IntStream.rangeClosed(1, perAccount)
                .forEach(sequence -> ACCOUNTS.forEach(account -> {
                    String body = "{\"account\":\"%s\",\"sequence\":%d}".formatted(account, sequence);
                    queues.sendFifo(ledger.deadLetters(), body, account);
                    entries.computeIfAbsent(account, group -> new ArrayList<>()).add(body);
                }));
        return entries;
    }

    private static Map<String, List<String>> byGroup(List<Message> messages) {
        return messages.stream()
                .collect(Collectors.groupingBy(
                        message -> message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                        LinkedHashMap::new,
                        Collectors.mapping(Message::body, Collectors.toList())));
    }
}
