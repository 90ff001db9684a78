package dev.serverlesspatterns.paymentwebhooks.ledger;

import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksProperties;
import dev.serverlesspatterns.platform.Settings;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import org.springframework.stereotype.Component;

/** Sends ledger entries to the FIFO ledger queue, in the account's message group. */
@Component
public class LedgerQueue {

    private final SqsTemplate sqs;
    private final PaymentWebhooksProperties properties;

    LedgerQueue(SqsTemplate sqs, PaymentWebhooksProperties properties) {
        this.sqs = sqs;
        this.properties = properties;
    }

    /**
     * Safe to repeat: the deduplication id is the entry id, so SQS drops a repeat sent within its 5-minute
     * deduplication interval, and {@link ApplyLedgerEntries} applies a later one as a no-op. The template writes the
     * entry as JSON with the application's {@code JsonMapper}.
     *
     * @throws io.awspring.cloud.sqs.operations.MessagingOperationFailedException when SQS did not take it
     */
    public void send(LedgerEntry entry) {
        String queueUrl = Settings.required(
                properties.ledgerQueueUrl(), "payment-webhooks.ledger-queue-url", "ACCOUNT_LEDGER_QUEUE_URL");
        sqs.send(to -> to.queue(queueUrl)
                .payload(entry)
                .messageGroupId(entry.accountId())
                .messageDeduplicationId(entry.entryId()));
    }
}
