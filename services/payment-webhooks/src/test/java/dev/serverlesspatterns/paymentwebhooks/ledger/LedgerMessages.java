package dev.serverlesspatterns.paymentwebhooks.ledger;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.message;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;

import dev.serverlesspatterns.local.testing.SqsEvents;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages of the FIFO ledger queue as Lambda hands them over, built from the record of
 * {@code events/apply-ledger-entries.json}: the entry as body, its account as {@code MessageGroupId}, its id as
 * {@code MessageDeduplicationId}, and a {@code SequenceNumber} that grows in send order.
 */
final class LedgerMessages {

    private LedgerMessages() {}

    static String newAccount() {
        return "acct_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Entry {@code n} of the account: entry id {@code <account>-<n>}, n cents. */
    static ObjectNode entry(String accountId, int n) {
        ObjectNode message = message("apply-ledger-entries.json");
        ObjectNode entry = body(message);
        String entryId = entryId(accountId, n);
        entry.put("entryId", entryId);
        entry.put("accountId", accountId);
        entry.put("amountCents", n);
        ObjectNode attributes = (ObjectNode) message.get("attributes");
        attributes.put("MessageGroupId", accountId);
        attributes.put("MessageDeduplicationId", entryId);
        // SQS numbers a group's messages in send order; the JVM's monotonic clock does the same here.
        attributes.put("SequenceNumber", "%020d".formatted(System.nanoTime()));
        return withBody(message, entry);
    }

    static String entryId(String accountId, int n) {
        return accountId + "-" + n;
    }

    /** The same message received a second time, as SQS counts it in {@code ApproximateReceiveCount}. */
    static ObjectNode redelivered(ObjectNode message) {
        ObjectNode copy = SqsEvents.redelivered(message);
        ((ObjectNode) copy.get("attributes")).put("ApproximateReceiveCount", "2");
        return copy;
    }
}
