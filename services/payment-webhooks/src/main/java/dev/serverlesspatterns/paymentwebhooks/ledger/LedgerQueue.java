package dev.serverlesspatterns.paymentwebhooks.ledger;

import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksProperties;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/** Sends ledger entries to the FIFO ledger queue, in the account's message group. */
@Component
public class LedgerQueue {

    private final SqsClient sqs;
    private final JsonMapper json;
    private final PaymentWebhooksProperties properties;

    LedgerQueue(SqsClient sqs, JsonMapper json, PaymentWebhooksProperties properties) {
        this.sqs = sqs;
        this.json = json;
        this.properties = properties;
    }

    /**
     * Safe to repeat: the deduplication id is the entry id, so SQS drops a repeat sent within its 5-minute
     * deduplication interval, and {@link ApplyLedgerEntries} applies a later one as a no-op.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when SQS did not take it
     */
    public void send(LedgerEntry entry) {
        String queueUrl = PaymentWebhooksProperties.required(properties.ledgerQueueUrl(), "ACCOUNT_LEDGER_QUEUE_URL");
        sqs.sendMessage(send -> send.queueUrl(queueUrl)
                .messageBody(json.writeValueAsString(entry))
                .messageGroupId(entry.accountId())
                .messageDeduplicationId(entry.entryId()));
    }
}
