package dev.serverlesspatterns.invoicing.invoice;

import dev.serverlesspatterns.events.billing.InvoiceIssued;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link RecordInvoice}'s {@code PutItem}, which its priming event (a message breaking the
 * contract) never reaches: the same request for an invoice id billing never issues ({@code inv-} and a UUID), refused
 * by a condition that cannot hold.
 */
@Component
@WarmsUp("recordInvoice")
class RecordInvoiceWarmUp implements PrimingWarmUp {

    private final InvoiceTable invoices;
    private final Clock clock;

    RecordInvoiceWarmUp(InvoiceTable invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        InvoiceIssued issued = new InvoiceIssued(
                "inv-snapstart-priming", "snapstart-priming", "snapstart-priming", 100, "EUR", Instant.EPOCH);
        invoices.recordRefused(InvoiceView.of(issued, clock.instant()));
    }
}
