package dev.serverlesspatterns.paymentwebhooks.webhook;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.paymentwebhooks.ledger.LedgerQueue;
import dev.serverlesspatterns.platform.messaging.SqsBatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scalable Webhook's consumer (and the Frugal Consumer: its event source runs at most two at once). For each message
 * of a batch: read it, record the event once in {@code payment_events}, then send its ledger entry to the FIFO
 * ledger queue. Each message stands alone: one that cannot be read, recorded or forwarded is reported as a batch item
 * failure, so only it returns to the queue (and, after {@code maxReceiveCount} receives, goes to the DLQ as sent).
 *
 * <p>The ledger entry is sent whether the row is new or was there already. A delivery may have inserted the row and
 * then failed to send; its redelivery finds the row and must still send, or the ledger would never hear of the
 * event. Repeats are harmless: SQS drops a repeated deduplication id within 5 minutes, and the ledger applies an entry
 * id once whenever it arrives.
 */
@Component("recordPaymentEvents")
class RecordPaymentEvents implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(RecordPaymentEvents.class);

    private final PaymentWebhookReader reader;
    private final PaymentEvents events;
    private final LedgerQueue ledger;

    RecordPaymentEvents(PaymentWebhookReader reader, PaymentEvents events, LedgerQueue ledger) {
        this.reader = reader;
        this.events = events;
        this.ledger = ledger;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.eachMessage(event, log, this::record);
    }

    private void record(SQSMessage message) {
        PaymentWebhook webhook = reader.read(message);
        if (events.recordOnce(webhook, message.getBody())) {
            log.info("Recorded payment event {} of account {}", webhook.eventId(), webhook.accountId());
        } else {
            log.info(
                    "Payment event {} was recorded before; message {} only resends its ledger entry",
                    webhook.eventId(),
                    message.getMessageId());
        }
        ledger.send(webhook.ledgerEntry());
    }
}
