package dev.serverlesspatterns.paymentwebhooks.ledger;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.platform.messaging.SqsBatch;
import dev.serverlesspatterns.platform.messaging.UnreadableMessage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * FIFOer: applies a batch from the FIFO ledger queue in the order SQS delivered it. Once an entry of an account (a
 * message group) fails, every later entry of that account in the batch is reported failed too without being tried,
 * so they all return to the queue and come back behind the failed one: never applied out of order. Other accounts in
 * the same batch carry on. An entry that was applied before (a redelivery, a resend after SQS's deduplication
 * interval) changes nothing and counts as done.
 */
@Component("applyLedgerEntries")
class ApplyLedgerEntries implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(ApplyLedgerEntries.class);

    private final AccountLedger ledger;
    private final JsonMapper json;

    ApplyLedgerEntries(AccountLedger ledger, JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.eachMessageInGroupOrder(event, log, this::applyEntry);
    }

    private void applyEntry(SQSMessage message) {
        LedgerEntry entry = read(message);
        if (ledger.applyOnce(entry)) {
            log.info("Applied ledger entry {} to account {}", entry.entryId(), entry.accountId());
        } else {
            log.info(
                    "Ledger entry {} was applied before; message {} changes nothing",
                    entry.entryId(),
                    message.getMessageId());
        }
    }

    /** @throws UnreadableMessage when the body is no ledger entry, or one of another account than its group's */
    private LedgerEntry read(SQSMessage message) {
        LedgerEntry entry;
        try {
            entry = json.readValue(message.getBody(), LedgerEntry.class);
        } catch (JacksonException unreadable) {
            throw new UnreadableMessage("its body is not a ledger entry: " + unreadable.getOriginalMessage());
        }
        String group = SqsBatch.messageGroupId(message);
        if (!entry.accountId().equals(group)) {
            throw new UnreadableMessage(
                    "it carries an entry of account " + entry.accountId() + " in message group " + group);
        }
        return entry;
    }
}
