package dev.serverlesspatterns.paymentwebhooks.ledger;

import dev.serverlesspatterns.paymentwebhooks.Events;
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
        ObjectNode message = Events.firstRecord("apply-ledger-entries.json");
        ObjectNode entry = (ObjectNode) Events.JSON.readTree(message.get("body").asString());
        String entryId = entryId(accountId, n);
        entry.put("entryId", entryId);
        entry.put("accountId", accountId);
        entry.put("amountCents", n);
        message.put("body", entry.toString());
        message.put("messageId", UUID.randomUUID().toString());
        ObjectNode attributes = (ObjectNode) message.get("attributes");
        attributes.put("MessageGroupId", accountId);
        attributes.put("MessageDeduplicationId", entryId);
        // SQS numbers a group's messages in send order; the JVM's monotonic clock does the same here.
        attributes.put("SequenceNumber", "%020d".formatted(System.nanoTime()));
        return message;
    }

    static String entryId(String accountId, int n) {
        return accountId + "-" + n;
    }

    /** The same message delivered once more: a new receive gives it a new message id and receipt. */
    static ObjectNode redelivered(ObjectNode message) {
        ObjectNode copy = message.deepCopy();
        copy.put("messageId", UUID.randomUUID().toString());
        copy.put("receiptHandle", "AQEB" + UUID.randomUUID());
        ((ObjectNode) copy.get("attributes")).put("ApproximateReceiveCount", "2");
        return copy;
    }
}
