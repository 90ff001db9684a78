package dev.serverlesspatterns.invoicing.invoice;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.billing.InvoiceIssued;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Records the invoice view of every {@code InvoiceIssued} in a batch from the invoicing queue. Each message stands
 * alone: one that cannot be read, or whose write fails, is reported as a batch item failure, so Lambda deletes the
 * others and only that one returns to the queue (and, after {@code maxReceiveCount} receives, goes to the DLQ with
 * its body unchanged). A redelivered event finds its invoice recorded and changes nothing.
 */
@Component("recordInvoice")
class RecordInvoice implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(RecordInvoice.class);

    private final InvoiceIssuedReader reader;
    private final InvoiceTable invoices;
    private final Clock clock;

    RecordInvoice(InvoiceIssuedReader reader, InvoiceTable invoices, Clock clock) {
        this.reader = reader;
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        List<BatchItemFailure> failures = new ArrayList<>();
        for (SQSMessage message : event.getRecords()) {
            if (!record(message)) {
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** @return false when the message must come back */
    private boolean record(SQSMessage message) {
        InvoiceIssued issued;
        try {
            issued = reader.read(message);
        } catch (UnreadableMessage unreadable) {
            log.warn(
                    "Message {} is not a readable InvoiceIssued ({}); it returns to the queue until it is dead-lettered",
                    message.getMessageId(),
                    unreadable.getMessage());
            return false;
        }
        try {
            if (invoices.recordOnce(InvoiceView.of(issued, clock.instant()))) {
                log.info("Recorded invoice {} of order {}", issued.invoiceId(), issued.orderId());
            } else {
                log.info(
                        "Invoice {} was recorded before; message {} changes nothing",
                        issued.invoiceId(),
                        message.getMessageId());
            }
            return true;
        } catch (SdkException storeUnavailable) {
            log.error(
                    "Invoice {} could not be recorded; message {} is retried",
                    issued.invoiceId(),
                    message.getMessageId(),
                    storeUnavailable);
            return false;
        }
    }
}
