package dev.serverlesspatterns.paymentwebhooks.ledger;

import static dev.serverlesspatterns.local.testing.SqsEvents.event;
import static dev.serverlesspatterns.local.testing.SqsEvents.failedIds;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;
import static dev.serverlesspatterns.paymentwebhooks.ledger.LedgerMessages.entry;
import static dev.serverlesspatterns.paymentwebhooks.ledger.LedgerMessages.entryId;
import static dev.serverlesspatterns.paymentwebhooks.ledger.LedgerMessages.newAccount;
import static dev.serverlesspatterns.paymentwebhooks.ledger.LedgerMessages.redelivered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksStack;
import dev.serverlesspatterns.paymentwebhooks.PaymentsDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The FIFOer through SCF's FunctionInvoker, fed FIFO SQS events as Lambda's event source mapping delivers them
 * (one account = one message group, in send order), applying entries to the real payments database. Database
 * failures are real: a test installs a trigger that raises.
 */
@PaymentWebhooksStack
class ApplyLedgerEntriesLambdaTest {

    private static final String FUNCTION = "ApplyLedgerEntriesFunction";

    private PaymentsDatabase database;

    @BeforeEach
    void startTheFunction(PaymentsDatabase database, LambdaHarness lambda) {
        this.database = database;
        // As a deploy does before the consumers run (a no-op once migrated).
        lambda.createCustomResource("PaymentsSchemaMigration");
    }

    @Test
    void appliesAnAccountsEntriesOnceEachAtConsecutivePositions(LambdaHarness lambda) {
        // given entries 1..5 of one account in one batch
        String account = newAccount();
        ObjectNode[] batch =
                IntStream.rangeClosed(1, 5).mapToObj(n -> entry(account, n)).toArray(ObjectNode[]::new);

        // when
        String output = lambda.invoke(FUNCTION, event(batch));

        // then
        assertThat(failedIds(output)).isEmpty();
        assertThat(ledger(account)).containsExactly(entries(account, 1, 2, 3, 4, 5));
        assertThat(row(entryId(account, 2)))
                .containsEntry("payment_id", "pay_7Hc2Lq")
                .containsEntry("event_type", "payment.captured")
                .containsEntry("amount_cents", 2L)
                .containsEntry("currency", "EUR");
    }

    @Test
    void afterAFailureTheRestOfTheAccountsBatchComesBackUntriedAndOtherAccountsCarryOn(LambdaHarness lambda) {
        // given account g1's entries 1..5 interleaved with account g2's 1..2, and the database refusing g1's entry 3
        // once
        String g1 = newAccount();
        String g2 = newAccount();
        ObjectNode e1 = entry(g1, 1);
        ObjectNode f1 = entry(g2, 1);
        ObjectNode e2 = entry(g1, 2);
        ObjectNode e3 = entry(g1, 3);
        ObjectNode f2 = entry(g2, 2);
        ObjectNode e4 = entry(g1, 4);
        ObjectNode e5 = entry(g1, 5);
        try (FailingOnce failing = new FailingOnce(database, entryId(g1, 3))) {

            // when the batch arrives
            String output = lambda.invoke(FUNCTION, event(e1, f1, e2, e3, f2, e4, e5));

            // then 3 failed, 4 and 5 were not even tried and come back with it; g2 was fully applied
            assertThat(failedIds(output)).containsExactly(id(e3), id(e4), id(e5));
            assertThat(ledger(g1)).containsExactly(entries(g1, 1, 2));
            assertThat(ledger(g2)).containsExactly(entries(g2, 1, 2));
            assertThat(failing.attempts()).isEqualTo(1);

            // when SQS hands g1's returned messages out again, in order
            String retry = lambda.invoke(FUNCTION, event(redelivered(e3), redelivered(e4), redelivered(e5)));

            // then g1's ledger reads 1..5 in order
            assertThat(failedIds(retry)).isEmpty();
            assertThat(ledger(g1)).containsExactly(entries(g1, 1, 2, 3, 4, 5));
            assertThat(failing.attempts()).isEqualTo(2);
        }
    }

    @Test
    void aRedeliveredOrResentEntryIsAppliedOnce(LambdaHarness lambda) {
        // given an applied entry
        String account = newAccount();
        ObjectNode first = entry(account, 1);
        lambda.invoke(FUNCTION, event(first));

        // when it is delivered again, and sent again (a resend past SQS's 5-minute deduplication interval is a new
        // message with the same deduplication id)
        String output = lambda.invoke(FUNCTION, event(redelivered(first)));
        ObjectNode resent = entry(account, 1);
        String resentOutput = lambda.invoke(FUNCTION, event(resent, entry(account, 2)));

        // then
        assertThat(failedIds(output)).isEmpty();
        assertThat(failedIds(resentOutput)).isEmpty();
        assertThat(ledger(account)).containsExactly(entries(account, 1, 2));
    }

    @Test
    void anUnreadableEntryHoldsBackItsAccountOnly(LambdaHarness lambda) {
        // given g1's entry 1, then a message of g1 that is no ledger entry, then g1's entry 2, and g2's entry 1
        String g1 = newAccount();
        String g2 = newAccount();
        ObjectNode garbage = withBody(entry(g1, 99), "{\"entryId\":");
        ObjectNode e2 = entry(g1, 2);

        // when
        String output = lambda.invoke(FUNCTION, event(entry(g1, 1), garbage, e2, entry(g2, 1)));

        // then
        assertThat(failedIds(output)).containsExactly(id(garbage), id(e2));
        assertThat(ledger(g1)).containsExactly(entries(g1, 1));
        assertThat(ledger(g2)).containsExactly(entries(g2, 1));
    }

    @Test
    void anEntryInAnotherAccountsGroupIsRefused(LambdaHarness lambda) {
        // given g2's entry travelling in g1's message group
        String g1 = newAccount();
        String g2 = newAccount();
        ObjectNode misrouted = entry(g2, 1);
        ((ObjectNode) misrouted.get("attributes")).put("MessageGroupId", g1);

        // when
        String output = lambda.invoke(FUNCTION, event(misrouted));

        // then
        assertThat(failedIds(output)).containsExactly(id(misrouted));
        assertThat(ledger(g1)).isEmpty();
        assertThat(ledger(g2)).isEmpty();
    }

    /** The account's applied entry ids, by position, checking the positions run 1, 2, 3, ... */
    private List<String> ledger(String accountId) {
        List<Map<String, Object>> rows = database.jdbc()
                .sql("SELECT entry_id, position FROM " + PaymentsDatabase.SCHEMA
                        + ".account_ledger WHERE account_id = ? ORDER BY position")
                .param(accountId)
                .query()
                .listOfRows();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("position"))
                    .as("position of %s", rows.get(i).get("entry_id"))
                    .isEqualTo(i + 1L);
        }
        return rows.stream().map(row -> (String) row.get("entry_id")).toList();
    }

    private Map<String, Object> row(String entryId) {
        return database.jdbc()
                .sql("SELECT * FROM " + PaymentsDatabase.SCHEMA + ".account_ledger WHERE entry_id = ?")
                .param(entryId)
                .query()
                .singleRow();
    }

    private static String[] entries(String accountId, int... numbers) {
        return IntStream.of(numbers).mapToObj(n -> entryId(accountId, n)).toArray(String[]::new);
    }

    private static String id(ObjectNode message) {
        return message.get("messageId").asString();
    }
}
