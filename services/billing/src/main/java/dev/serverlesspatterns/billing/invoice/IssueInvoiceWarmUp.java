package dev.serverlesspatterns.billing.invoice;

import dev.serverlesspatterns.events.orders.OrderPlaced;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link IssueInvoice}'s calls after a valid message, which its priming event (a message breaking
 * the contract) never reaches: the invoice's {@code PutItem} refused by a condition that cannot hold, the
 * {@code GetItem} of a missing invoice, the publish SNS refuses as invalid, and the mark-notified {@code UpdateItem},
 * refused because the invoice does not exist.
 */
@Component
@WarmsUp("issueInvoice")
class IssueInvoiceWarmUp implements PrimingWarmUp {

    /** Not a version 4 or 3 UUID, so no order, hence no invoice, ever has it. */
    private static final String UNUSED_ORDER_ID = "00000000-0000-0000-0000-000000000000";

    private final BillingTable invoices;
    private final BillingNotificationsTopic topic;
    private final Clock clock;

    IssueInvoiceWarmUp(BillingTable invoices, BillingNotificationsTopic topic, Clock clock) {
        this.invoices = invoices;
        this.topic = topic;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        Invoice invoice = Invoice.issue(
                new OrderPlaced(UNUSED_ORDER_ID, "snapstart-priming", 100, "EUR", Instant.EPOCH), clock.instant());
        invoices.insertRefused(invoice);
        invoices.find(invoice.invoiceId());
        topic.publishRefused(invoice.issued());
        invoices.markNotified(invoice.invoiceId(), clock.instant());
    }
}
