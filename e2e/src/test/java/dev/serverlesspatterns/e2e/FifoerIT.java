package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * FIFOer: ledger entries travel on the FIFO queue AccountLedgerQueue, one message group per account, deduplicated by
 * entry id; the ledger function applies them in order and, after a failure, hands the rest of that account's batch
 * back untried. The entries are sent to the queue as the webhook consumer sends them (the queue is the FIFOer's entry
 * point; the webhook queue before it is a standard queue and keeps no order). The failure is real: the test installs
 * a trigger in Postgres that raises on one entry once.
 */
@ExtendWith(LocalSuiteExtension.class)
class FifoerIT {

    private LocalSuite suite;
    private PaymentWebhooks payments;
    private SqsClient sqs;
    private String queueUrl;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.payments = new PaymentWebhooks(suite);
        this.sqs = suite.stack().endpoint().configure(SqsClient.builder());
        this.queueUrl = suite.stack().ref("AccountLedgerQueue");
    }

    @AfterEach
    void disconnect() {
        sqs.close();
    }

    @Test
    void anAccountsEntriesAreAppliedInOrderThroughAFailureWhileAnotherAccountCarriesOnAndAResendIsAppliedOnce() {
        // given the ledger queue's visibility timeout shortened from 90 s to 2 s for this test, so a failed entry is
        // back in seconds; entries are held 2 s on arrival so that no receive that started before the change (with
        // the 90 s timeout) can take one
        Map<QueueAttributeName, String> template = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.DELAY_SECONDS))
                .attributes();
        String g1 = "acct-" + UUID.randomUUID().toString().substring(0, 8) + "-g1";
        String g2 = "acct-" + UUID.randomUUID().toString().substring(0, 8) + "-g2";
        String failing = "fail_once_" + UUID.randomUUID().toString().replace("-", "");
        try {
            sqs.setQueueAttributes(set -> set.queueUrl(queueUrl)
                    .attributes(
                            Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2", QueueAttributeName.DELAY_SECONDS, "2")));
            // and Postgres refusing g1's entry 3 the first time only (nextval is not rolled back with the insert)
            installFailingOnce(failing, entryId(g1, 3));

            // when g1's entries 1..5 are sent interleaved with g2's 1..2
            sendInOrder(List.of(
                    entry(g1, 1), entry(g2, 1), entry(g1, 2), entry(g1, 3), entry(g2, 2), entry(g1, 4), entry(g1, 5)));

            // then g1's ledger reads 1..5 at positions 1..5: 4 and 5 waited for 3's retry instead of overtaking it
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> payments.ledger(g1).size() == 5);
            assertThat(entryIds(g1)).containsExactly(entryIds(g1, 1, 2, 3, 4, 5));
            assertThat(positions(g1)).containsExactly("1", "2", "3", "4", "5");
            assertThat(failingAttempts(failing)).as("attempts at g1's entry 3").isEqualTo(2);

            // and g2 did not wait for g1: both its entries were applied before g1's entry 3 came back
            assertThat(entryIds(g2)).containsExactly(entryIds(g2, 1, 2));
            OffsetDateTime entry3Applied = appliedAt(g1, 3);
            assertThat(appliedAt(g2, 2)).isBefore(entry3Applied);
            assertThat(appliedAt(g1, 4)).isAfter(entry3Applied);

            // when g1's entry 2 is sent again with its deduplication id
            sendInOrder(List.of(entry(g1, 2)));

            // then it is not applied twice, and it did not fail its way into the DLQ either: SQS dropped the repeated
            // deduplication id, or (an emulator that delivers it anyway) the ledger's own idempotency made it a no-op.
            // Run counts would not prove this: they are global to the suite and other tests' entries still arrive.
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> depth() == 0);
            assertThat(entryIds(g1)).containsExactly(entryIds(g1, 1, 2, 3, 4, 5));
            assertThat(positions(g1)).containsExactly("1", "2", "3", "4", "5");
            assertThat(deadLetteredBodies()).noneMatch(body -> body.contains(g1));
        } finally {
            sqs.setQueueAttributes(set -> set.queueUrl(queueUrl).attributes(template));
            dropFailingOnce(failing);
        }
    }

    private record Entry(String accountId, int n) {}

    private static Entry entry(String accountId, int n) {
        return new Entry(accountId, n);
    }

    private static String entryId(String accountId, int n) {
        return accountId + "-e" + n;
    }

    /** One SendMessageBatch: SQS keeps a group's messages in the order of the batch. */
    private void sendInOrder(List<Entry> entries) {
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String entryId = entryId(entry.accountId(), entry.n());
            batch.add(SendMessageBatchRequestEntry.builder()
                    .id(String.valueOf(i))
                    .messageGroupId(entry.accountId())
                    .messageDeduplicationId(entryId)
                    .messageBody("""
                            {"entryId":"%s","accountId":"%s","paymentId":"pay-%s","eventType":"payment.captured",\
                            "amountCents":%d,"currency":"EUR","occurredAt":"2026-11-03T10:15:31.207Z"}""".formatted(entryId, entry.accountId(), entryId, 100 * entry.n()))
                    .build());
        }
        var response = sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(batch));
        assertThat(response.failed()).isEmpty();
    }

    private List<String> entryIds(String accountId) {
        return payments.ledger(accountId).stream().map(row -> row.get(0)).toList();
    }

    private static String[] entryIds(String accountId, int... numbers) {
        return Arrays.stream(numbers).mapToObj(n -> entryId(accountId, n)).toArray(String[]::new);
    }

    private List<String> positions(String accountId) {
        return payments.ledger(accountId).stream().map(row -> row.get(1)).toList();
    }

    private OffsetDateTime appliedAt(String accountId, int n) {
        return OffsetDateTime.parse(payments.query(
                        "SELECT to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM "
                                + PaymentWebhooks.SCHEMA + ".account_ledger WHERE entry_id = ?",
                        entryId(accountId, n))
                .getFirst()
                .getFirst());
    }

    private void installFailingOnce(String name, String entryId) {
        String schema = PaymentWebhooks.SCHEMA;
        payments.execute("CREATE SEQUENCE %s.%s".formatted(schema, name));
        payments.execute("""
                CREATE FUNCTION %1$s.%2$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.entry_id = '%3$s' THEN
                        IF nextval('%1$s.%2$s') = 1 THEN
                            RAISE EXCEPTION 'FifoerIT: entry %3$s fails once';
                        END IF;
                    END IF;
                    RETURN NEW;
                END $$""".formatted(schema, name, entryId));
        payments.execute(
                "CREATE TRIGGER %2$s BEFORE INSERT ON %1$s.account_ledger FOR EACH ROW EXECUTE FUNCTION %1$s.%2$s()"
                        .formatted(schema, name));
    }

    private long failingAttempts(String name) {
        return Long.parseLong(payments.query("SELECT last_value FROM %s.%s".formatted(PaymentWebhooks.SCHEMA, name))
                .getFirst()
                .getFirst());
    }

    private void dropFailingOnce(String name) {
        String schema = PaymentWebhooks.SCHEMA;
        payments.execute("DROP TRIGGER IF EXISTS %2$s ON %1$s.account_ledger".formatted(schema, name));
        payments.execute("DROP FUNCTION IF EXISTS %1$s.%2$s()".formatted(schema, name));
        payments.execute("DROP SEQUENCE IF EXISTS %1$s.%2$s".formatted(schema, name));
    }

    private int depth() {
        return sqs
                .getQueueAttributes(get -> get.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes()
                .values()
                .stream()
                .mapToInt(Integer::parseInt)
                .sum();
    }

    /** The bodies in the ledger's DLQ, looked at without taking them: they become visible again after a second. */
    private List<String> deadLetteredBodies() {
        String dlq = suite.stack().ref("AccountLedgerDeadLetterQueue");
        return sqs
                .receiveMessage(
                        receive -> receive.queueUrl(dlq).maxNumberOfMessages(10).visibilityTimeout(1))
                .messages()
                .stream()
                .map(message -> message.body())
                .toList();
    }
}
