package dev.serverlesspatterns.invoicing.invoice;

import static dev.serverlesspatterns.events.billing.BillingNotifications.EVENT_TYPE;
import static dev.serverlesspatterns.events.billing.BillingNotifications.INVOICE_ISSUED;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.billing.InvoiceIssued;
import dev.serverlesspatterns.platform.messaging.EventMessageReader;
import dev.serverlesspatterns.platform.messaging.SqsBatch;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the invoice view of every {@code InvoiceIssued} in a batch from the invoicing queue. Each message stands
 * alone: one that cannot be read, or whose write fails, is reported as a batch item failure, so Lambda deletes the
 * others and only that one returns to the queue (and, after {@code maxReceiveCount} receives, goes to the DLQ with
 * its body unchanged). A redelivered event finds its invoice recorded and changes nothing.
 */
@Component("recordInvoice")
class RecordInvoice implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(RecordInvoice.class);

    private final EventMessageReader reader;
    private final InvoiceTable invoices;
    private final Clock clock;

    RecordInvoice(EventMessageReader reader, InvoiceTable invoices, Clock clock) {
        this.reader = reader;
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.eachMessage(event, log, this::record);
    }

    private void record(SQSMessage message) {
        InvoiceIssued issued =
                reader.read(message, EVENT_TYPE, INVOICE_ISSUED, Schema.INVOICE_ISSUED, InvoiceIssued.class);
        if (invoices.recordOnce(InvoiceView.of(issued, clock.instant()))) {
            log.info("Recorded invoice {} of order {}", issued.invoiceId(), issued.orderId());
        } else {
            log.info(
                    "Invoice {} was recorded before; message {} changes nothing",
                    issued.invoiceId(),
                    message.getMessageId());
        }
    }
}
