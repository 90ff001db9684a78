package dev.serverlesspatterns.paymentwebhooks.ledger;

import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksProperties;
import dev.serverlesspatterns.platform.Settings;
import io.awspring.cloud.sqs.operations.MessagingOperationFailedException;
import io.awspring.cloud.sqs.operations.SqsSendOptions;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.model.SqsException;

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
        sqs.<LedgerEntry>send(to -> message(to, entry));
    }

    /**
     * The send of the entry with a per-message delay (SnapStart priming), which a FIFO queue refuses as invalid: nothing
     * is enqueued.
     *
     * @throws IllegalStateException when SQS took it after all
     */
    public void sendRefused(LedgerEntry entry) {
        try {
            sqs.<LedgerEntry>send(to -> message(to, entry).delaySeconds(1));
        } catch (MessagingOperationFailedException failed) {
            if (refusedAsInvalid(failed)) {
                return;
            }
            throw failed;
        }
        throw new IllegalStateException("The FIFO ledger queue took a message with a delay of its own");
    }

    private static boolean refusedAsInvalid(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SqsException sqs
                    && "InvalidParameterValue".equals(sqs.awsErrorDetails().errorCode())) {
                return true;
            }
        }
        return false;
    }

    private SqsSendOptions<LedgerEntry> message(SqsSendOptions<LedgerEntry> to, LedgerEntry entry) {
        String queueUrl = Settings.required(
                properties.ledgerQueueUrl(), "payment-webhooks.ledger-queue-url", "ACCOUNT_LEDGER_QUEUE_URL");
        return to.queue(queueUrl)
                .payload(entry)
                .messageGroupId(entry.accountId())
                .messageDeduplicationId(entry.entryId());
    }
}
