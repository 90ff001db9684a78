package dev.serverlesspatterns.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code redrive-dlq} as a user runs it: queues named by logical id, exit status, usage. */
@ExtendWith(SharedEmulator.class)
class RedriveCommandTest {

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static TestQueues queues;
    private static Supplier<SqsClient> clients;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        clients = () -> emulator.endpoint().configure(SqsClient.builder());
        sqs = clients.get();
        queues = new TestQueues(sqs);
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
    }

    @Test
    void redrivesADeadLetterQueueNamedByItsLogicalIdInTheStack() {
        // given the local runtime's queues of stack "shop-…": OrdersQueue and its OrdersDeadLetterQueue, 3 dead letters
        String stack = TestQueues.unique("shop");
        TestQueues.Pair orders = queues.pair(stack + "-OrdersQueue", stack + "-OrdersDeadLetterQueue", false);
        sendDeadLetters(orders, 3);

        // when the command is given the logical id and the stack
        int status = RedriveCommand.execute(new String[] {"OrdersDeadLetterQueue", "--stack", stack}, clients);

        // then it succeeds and the messages are back in the orders queue
        assertThat(status).isZero();
        assertThat(queues.drainBodies(orders.source())).hasSize(3);
    }

    @Test
    void aDryRunExitsCleanlyAndMovesNothing() {
        // given 3 dead letters
        TestQueues.Pair orders = queues.standard("dry-orders");
        sendDeadLetters(orders, 3);

        // when the command runs as a dry run
        int status = RedriveCommand.execute(new String[] {orders.deadLetters(), "--dry-run"}, clients);

        // then it succeeds and the dead letters are where they were
        assertThat(status).isZero();
        assertThat(queues.counts(orders.deadLetters())).isEqualTo(new TestQueues.Counts(3, 0));
    }

    @Test
    void exitsWithStatus1AndKeepsTheMessagesWhenTheTargetDoesNotExist() {
        // given 3 dead letters
        TestQueues.Pair orders = queues.standard("lost-target");
        sendDeadLetters(orders, 3);

        // when they are sent to a queue that does not exist
        int status = RedriveCommand.execute(
                new String[] {orders.deadLetters(), "--target", orders.source() + "-gone"}, clients);

        // then the command fails and all 3 are still in the dead-letter queue
        assertThat(status).isEqualTo(1);
        assertThat(queues.counts(orders.deadLetters())).isEqualTo(new TestQueues.Counts(3, 0));
    }

    @Test
    void exitsWithStatus1WhenTheLogicalIdNamesNoQueue() {
        // when the command is given a logical id that the stack does not have
        int status = RedriveCommand.execute(new String[] {"NoSuchQueue", "--stack", "nowhere"}, clients);

        // then it fails without touching anything
        assertThat(status).isEqualTo(1);
    }

    @Test
    void answersWrongUsageWithStatus2AndHelpWithStatus0() {
        // when the command is run without a queue, and with --help
        // then the first is wrong usage and the second succeeds; neither talks to SQS
        Supplier<SqsClient> unused = () -> {
            throw new AssertionError("no client needed");
        };
        assertThat(RedriveCommand.execute(new String[] {"--max", "10"}, unused)).isEqualTo(2);
        assertThat(RedriveCommand.execute(new String[] {"--help"}, unused)).isZero();
    }

    @Test
    void findsQueuesNamedTheWayTheLocalRuntimeAndCloudFormationNameThem() {
        // given a FIFO queue named by the local runtime, and queues named by CloudFormation (random suffix)
        String stack = TestQueues.unique("names");
        String ledger = queues.create(stack + "-LedgerQueue.fifo", true);
        String audit = queues.create(stack + "-AuditQueue-1K2XMPL3ABCD", false);
        queues.create(stack + "-AuditQueueArchive", false);
        QueueLocator locator = new QueueLocator(sqs, Optional.of(stack));

        // when the logical ids are looked up
        // then each finds its own queue, not one whose logical id merely starts the same
        assertThat(locator.url("LedgerQueue")).isEqualTo(ledger);
        assertThat(locator.url("AuditQueue")).isEqualTo(audit);
        assertThatThrownBy(() -> locator.url("Ledger"))
                .isInstanceOf(RedriveException.class)
                .hasMessageContaining("give its URL instead");
    }

    private static void sendDeadLetters(TestQueues.Pair pair, int count) {
        for (int number = 1; number <= count; number++) {
            queues.send(pair.deadLetters(), "{\"orderId\":\"o-" + number + "\"}", Map.of());
        }
    }
}
