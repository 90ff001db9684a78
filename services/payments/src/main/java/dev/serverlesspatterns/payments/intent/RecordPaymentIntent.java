package dev.serverlesspatterns.payments.intent;

import static dev.serverlesspatterns.events.billing.BillingNotifications.INVOICE_ISSUED;
import static dev.serverlesspatterns.events.billing.BillingNotifications.PAYMENT_FAILED;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.billing.InvoiceIssued;
import dev.serverlesspatterns.events.billing.PaymentFailed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Applies every billing notification in a batch from the payments queue: {@code InvoiceIssued} opens the invoice's
 * payment intent, {@code PaymentFailed} marks it failed, each at most once. A message that cannot be read or applied
 * is reported as a batch item failure, so only it returns to the queue and, after {@code maxReceiveCount} receives,
 * goes to the DLQ with its body unchanged. A {@code PaymentFailed} that overtakes its {@code InvoiceIssued} (a
 * standard topic and queue keep no order) finds no intent and is retried the same way.
 */
@Component("recordPaymentIntent")
class RecordPaymentIntent implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(RecordPaymentIntent.class);

    private final BillingEventReader reader;
    private final PaymentIntentTable intents;
    private final Clock clock;

    RecordPaymentIntent(BillingEventReader reader, PaymentIntentTable intents, Clock clock) {
        this.reader = reader;
        this.intents = intents;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        List<BatchItemFailure> failures = new ArrayList<>();
        for (SQSMessage message : event.getRecords()) {
            if (!apply(message)) {
                failures.add(new BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** @return false when the message must come back */
    private boolean apply(SQSMessage message) {
        try {
            String type = reader.typeOf(message);
            if (INVOICE_ISSUED.equals(type)) {
                return open(reader.read(message, Schema.INVOICE_ISSUED, InvoiceIssued.class));
            }
            if (PAYMENT_FAILED.equals(type)) {
                return fail(reader.read(message, Schema.PAYMENT_FAILED, PaymentFailed.class), message);
            }
            throw new UnreadableMessage("its eventType attribute is "
                    + (type == null ? "missing" : "'" + type + "'") + ", not " + INVOICE_ISSUED + " or "
                    + PAYMENT_FAILED);
        } catch (UnreadableMessage unreadable) {
            log.warn(
                    "Message {} is not a readable billing notification ({}); it returns to the queue until it is"
                            + " dead-lettered",
                    message.getMessageId(),
                    unreadable.getMessage());
            return false;
        } catch (SdkException storeUnavailable) {
            log.error("Message {} could not be applied; it is retried", message.getMessageId(), storeUnavailable);
            return false;
        }
    }

    private boolean open(InvoiceIssued issued) {
        if (intents.openOnce(PaymentIntent.of(issued, clock.instant()))) {
            log.info("Opened the payment intent of invoice {}", issued.invoiceId());
        } else {
            log.info("The payment intent of invoice {} was opened before; nothing changes", issued.invoiceId());
        }
        return true;
    }

    private boolean fail(PaymentFailed failed, SQSMessage message) {
        return switch (intents.markFailed(failed)) {
            case MARKED -> {
                log.info("Marked the payment intent of invoice {} failed: {}", failed.invoiceId(), failed.reason());
                yield true;
            }
            case ALREADY_FAILED -> {
                log.info(
                        "The payment intent of invoice {} was marked failed before; nothing changes",
                        failed.invoiceId());
                yield true;
            }
            case NO_INTENT -> {
                log.warn(
                        "Invoice {} has no payment intent yet; message {} is retried until its InvoiceIssued arrives",
                        failed.invoiceId(),
                        message.getMessageId());
                yield false;
            }
        };
    }
}
