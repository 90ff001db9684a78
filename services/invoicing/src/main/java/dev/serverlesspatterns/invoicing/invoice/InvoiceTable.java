package dev.serverlesspatterns.invoicing.invoice;

import dev.serverlesspatterns.invoicing.InvoicingProperties;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The invoices table: one item per issued invoice, keyed by {@code invoiceId}: {@code invoiceId} S, {@code orderId} S,
 * {@code customerId} S, {@code amountCents} N, {@code currency} S, {@code status} S (ISSUED), {@code issuedAt} S and
 * {@code recordedAt} S (ISO-8601 UTC).
 */
@Component
class InvoiceTable {

    private final DynamoDbClient dynamo;
    private final String tableName;

    InvoiceTable(DynamoDbClient dynamo, InvoicingProperties properties) {
        this.dynamo = dynamo;
        this.tableName = properties.tableName();
    }

    /**
     * Records the view unless the invoice has one. Check and write are one conditional {@code PutItem}, so of any
     * number of deliveries of the same event, concurrent or not, exactly one records it.
     *
     * @return false when the invoice was recorded before (the write then changed nothing)
     */
    boolean recordOnce(InvoiceView invoice) {
        try {
            dynamo.putItem(put -> put.tableName(tableName)
                    .item(toItem(invoice))
                    .conditionExpression("attribute_not_exists(invoiceId)"));
            return true;
        } catch (ConditionalCheckFailedException recordedBefore) {
            return false;
        }
    }

    private static Map<String, AttributeValue> toItem(InvoiceView invoice) {
        return Map.of(
                "invoiceId", s(invoice.invoiceId()),
                "orderId", s(invoice.orderId()),
                "customerId", s(invoice.customerId()),
                "amountCents", AttributeValue.fromN(Long.toString(invoice.amountCents())),
                "currency", s(invoice.currency()),
                "status", s("ISSUED"),
                "issuedAt", s(invoice.issuedAt().toString()),
                "recordedAt", s(invoice.recordedAt().toString()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
