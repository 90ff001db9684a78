package dev.serverlesspatterns.billing.invoice;

import dev.serverlesspatterns.billing.BillingProperties;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The billing table: one item per invoice, keyed by {@code invoiceId}: {@code invoiceId} S, {@code orderId} S,
 * {@code customerId} S, {@code amountCents} N, {@code currency} S, {@code issuedAt} S (ISO-8601 UTC) and, once
 * {@code InvoiceIssued} was published, {@code notifiedAt} S.
 */
@Component
class BillingTable {

    private final DynamoDbClient dynamo;
    private final String tableName;

    BillingTable(DynamoDbClient dynamo, BillingProperties properties) {
        this.dynamo = dynamo;
        this.tableName = properties.tableName();
    }

    /** Writes a new invoice; false when the invoice exists already (the write then changed nothing). */
    boolean insert(Invoice invoice) {
        try {
            dynamo.putItem(put -> put.tableName(tableName)
                    .item(toItem(invoice))
                    .conditionExpression("attribute_not_exists(invoiceId)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    Optional<Invoice> find(String invoiceId) {
        GetItemResponse response = dynamo.getItem(get ->
                get.tableName(tableName).key(Map.of("invoiceId", s(invoiceId))).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    /** Notes that {@code InvoiceIssued} was published; an earlier note is kept. */
    void markNotified(String invoiceId, Instant now) {
        try {
            dynamo.updateItem(update -> update.tableName(tableName)
                    .key(Map.of("invoiceId", s(invoiceId)))
                    .updateExpression("SET notifiedAt = :now")
                    .conditionExpression("attribute_exists(invoiceId) AND attribute_not_exists(notifiedAt)")
                    .expressionAttributeValues(Map.of(":now", s(now.toString()))));
        } catch (ConditionalCheckFailedException notedBefore) {
            // a concurrent request published it too; subscribers are idempotent, the first note stands
        }
    }

    private static Map<String, AttributeValue> toItem(Invoice invoice) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("invoiceId", s(invoice.invoiceId()));
        item.put("orderId", s(invoice.orderId()));
        item.put("customerId", s(invoice.customerId()));
        item.put("amountCents", AttributeValue.fromN(Long.toString(invoice.amountCents())));
        item.put("currency", s(invoice.currency()));
        item.put("issuedAt", s(invoice.issuedAt().toString()));
        if (invoice.notifiedAt() != null) {
            item.put("notifiedAt", s(invoice.notifiedAt().toString()));
        }
        return item;
    }

    private static Invoice fromItem(Map<String, AttributeValue> item) {
        AttributeValue notifiedAt = item.get("notifiedAt");
        return new Invoice(
                item.get("invoiceId").s(),
                item.get("orderId").s(),
                item.get("customerId").s(),
                Long.parseLong(item.get("amountCents").n()),
                item.get("currency").s(),
                Instant.parse(item.get("issuedAt").s()),
                notifiedAt == null ? null : Instant.parse(notifiedAt.s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
