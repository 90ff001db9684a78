package dev.serverlesspatterns.billing.invoice;

import static dev.serverlesspatterns.platform.dynamodb.UpdateActions.set;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.serverlesspatterns.billing.BillingProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import dev.serverlesspatterns.platform.priming.RefusedWrites;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.update.UpdateExpression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The billing table: one item per invoice, keyed by {@code invoiceId}: {@code invoiceId} S, {@code orderId} S,
 * {@code customerId} S, {@code amountCents} N, {@code currency} S, {@code issuedAt} S (ISO-8601 UTC) and, once
 * {@code InvoiceIssued} was published, {@code notifiedAt} S.
 */
@Component
class BillingTable {

    private static final TableSchema<Invoice> SCHEMA = RecordSchema.of(
                    Invoice.class,
                    invoice -> new Invoice(
                            invoice.get("invoiceId"),
                            invoice.get("orderId"),
                            invoice.get("customerId"),
                            invoice.get("amountCents", 0L),
                            invoice.get("currency"),
                            invoice.get("issuedAt"),
                            invoice.get("notifiedAt")))
            .attribute(String.class, "invoiceId", Invoice::invoiceId, primaryPartitionKey())
            .attribute(String.class, "orderId", Invoice::orderId)
            .attribute(String.class, "customerId", Invoice::customerId)
            .attribute(Long.class, "amountCents", Invoice::amountCents)
            .attribute(String.class, "currency", Invoice::currency)
            .attribute(Instant.class, "issuedAt", Invoice::issuedAt)
            .attribute(Instant.class, "notifiedAt", Invoice::notifiedAt)
            .build();

    /** The invoice exists and was not noted as published yet. */
    private static final Expression NOT_NOTIFIED = Expression.builder()
            .expression("attribute_exists(#invoiceId) AND attribute_not_exists(#notifiedAt)")
            .putExpressionName("#invoiceId", "invoiceId")
            .putExpressionName("#notifiedAt", "notifiedAt")
            .build();

    private final DynamoDbTable<Invoice> table;
    private final ConditionalWrites writes;

    BillingTable(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, BillingProperties properties) {
        this.table =
                dynamo.table(Settings.required(properties.tableName(), "billing.table-name", "BILLING_TABLE"), SCHEMA);
        this.writes = writes;
    }

    /** Writes a new invoice; false when the invoice exists already (the write then changed nothing). */
    boolean insert(Invoice invoice) {
        return writes.putIfAbsent(table, invoice);
    }

    /** The {@link #insert} request for an invoice whose id no invoice has, refused by its condition (priming). */
    void insertRefused(Invoice invoice) {
        RefusedWrites.putItem(table, invoice);
    }

    Optional<Invoice> find(String invoiceId) {
        return Optional.ofNullable(table.getItem(get -> get.key(key(invoiceId)).consistentRead(true)));
    }

    /**
     * Notes that {@code InvoiceIssued} was published; an earlier note is kept. When the condition fails, a concurrent
     * request published it too: subscribers are idempotent, the first note stands.
     */
    void markNotified(String invoiceId, Instant now) {
        UpdateExpression notified = UpdateExpression.builder()
                .addAction(set("notifiedAt", AttributeValue.fromS(now.toString())))
                .build();
        writes.update(table, key(invoiceId), notified, NOT_NOTIFIED);
    }

    private static Key key(String invoiceId) {
        return Key.builder().partitionValue(invoiceId).build();
    }
}
