package dev.serverlesspatterns.billing.invoice;

import static dev.serverlesspatterns.events.audit.OrderActivity.EVENT_TYPE;
import static dev.serverlesspatterns.events.orders.OrderEvents.ORDER_PLACED;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.OrderPlaced;
import dev.serverlesspatterns.platform.messaging.EventMessageReader;
import dev.serverlesspatterns.platform.messaging.SqsBatch;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Invoices each placed order once, from billing's queue on the order-activity topic: orders reach billing through
 * events, never calls. The order id is the idempotency key: the invoice id follows from it and the write only
 * creates, so a redelivered message finds the invoice its first delivery wrote. {@code InvoiceIssued} is published
 * after the write and noted on the invoice; a delivery that finds the invoice not yet noted (an earlier one failed
 * to publish) publishes it again, so no invoice stays untold. A message that fails is reported alone as a batch item
 * failure; the queue retries it and, after {@code maxReceiveCount}, dead-letters it with its original body.
 */
@Component("issueInvoice")
class IssueInvoice implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(IssueInvoice.class);

    private final EventMessageReader reader;
    private final BillingTable invoices;
    private final BillingNotificationsTopic topic;
    private final Clock clock;

    IssueInvoice(EventMessageReader reader, BillingTable invoices, BillingNotificationsTopic topic, Clock clock) {
        this.reader = reader;
        this.invoices = invoices;
        this.topic = topic;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.eachMessage(event, log, this::issue);
    }

    private void issue(SQSMessage message) {
        OrderPlaced order = reader.read(message, EVENT_TYPE, ORDER_PLACED, Schema.ORDER_PLACED, OrderPlaced.class);
        Invoice invoice = Invoice.issue(order, clock.instant());
        if (!invoices.insert(invoice)) {
            invoice = invoices.find(invoice.invoiceId())
                    .orElseThrow(() -> new IllegalStateException(
                            "Invoice of order " + order.orderId() + " vanished after its insert failed"));
        }
        if (!invoice.notified()) {
            topic.publish(invoice.issued());
            invoices.markNotified(invoice.invoiceId(), clock.instant());
        }
    }
}
