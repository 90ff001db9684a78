package dev.serverlesspatterns.invoicing.invoice;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.serverlesspatterns.invoicing.InvoicingProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import dev.serverlesspatterns.platform.priming.RefusedWrites;
import java.time.Instant;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The invoices table: one item per issued invoice, keyed by {@code invoiceId}: {@code invoiceId} S, {@code orderId} S,
 * {@code customerId} S, {@code amountCents} N, {@code currency} S, {@code status} S (ISSUED), {@code issuedAt} S and
 * {@code recordedAt} S (ISO-8601 UTC).
 */
@Component
class InvoiceTable {

    private static final String ISSUED = "ISSUED";

    private static final TableSchema<InvoiceView> SCHEMA = RecordSchema.of(
                    InvoiceView.class,
                    invoice -> new InvoiceView(
                            invoice.get("invoiceId"),
                            invoice.get("orderId"),
                            invoice.get("customerId"),
                            invoice.get("amountCents", 0L),
                            invoice.get("currency"),
                            invoice.get("issuedAt"),
                            invoice.get("recordedAt")))
            .attribute(String.class, "invoiceId", InvoiceView::invoiceId, primaryPartitionKey())
            .attribute(String.class, "orderId", InvoiceView::orderId)
            .attribute(String.class, "customerId", InvoiceView::customerId)
            .attribute(Long.class, "amountCents", InvoiceView::amountCents)
            .attribute(String.class, "currency", InvoiceView::currency)
            .attribute(String.class, "status", invoice -> ISSUED)
            .attribute(Instant.class, "issuedAt", InvoiceView::issuedAt)
            .attribute(Instant.class, "recordedAt", InvoiceView::recordedAt)
            .build();

    private final DynamoDbTable<InvoiceView> table;
    private final ConditionalWrites writes;

    InvoiceTable(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, InvoicingProperties properties) {
        this.table = dynamo.table(
                Settings.required(properties.tableName(), "invoicing.table-name", "INVOICES_TABLE"), SCHEMA);
        this.writes = writes;
    }

    /**
     * Records the view unless the invoice has one. Check and write are one conditional {@code PutItem}, so of any
     * number of deliveries of the same event, concurrent or not, exactly one records it.
     *
     * @return false when the invoice was recorded before (the write then changed nothing)
     */
    boolean recordOnce(InvoiceView invoice) {
        return writes.putIfAbsent(table, invoice);
    }

    /** The {@link #recordOnce} request for an invoice whose id no invoice has, refused by its condition (priming). */
    void recordRefused(InvoiceView invoice) {
        RefusedWrites.putItem(table, invoice);
    }
}
