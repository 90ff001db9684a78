package dev.serverlesspatterns.payments.intent;

import dev.serverlesspatterns.payments.PaymentsProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The payment orders table: one item per order payments has heard of, keyed by {@code orderId}: {@code orderId} S,
 * {@code invoiceIds} SS (the invoices issued for it) and, once the order was cancelled, {@code cancelledAt} S
 * (ISO-8601 UTC, the first cancellation's time).
 *
 * <p>It is where an {@code InvoiceIssued} and an {@code OrderCancelled} of the same order meet, in either order: both
 * update this one item and get its new state back, and DynamoDB applies writes to one item one after the other. So
 * whichever comes second sees the other: the cancellation sees the invoice and cancels its intent, or the invoice
 * sees the cancellation and opens its intent already cancelled. Finding an order's intents through this item, read
 * strongly consistently, rather than through an index on {@code orderId} (eventually consistent) leaves no window in
 * which a cancellation misses a just opened intent.
 */
@Component
class PaymentOrderTable {

    private final DynamoDbClient dynamo;
    private final String tableName;

    PaymentOrderTable(DynamoDbClient dynamo, PaymentsProperties properties) {
        this.dynamo = dynamo;
        this.tableName = properties.ordersTableName();
    }

    /** Adds the invoice to its order (a set, so a repeat changes nothing) and returns the order as it is now. */
    PaymentOrder registerInvoice(String orderId, String invoiceId) {
        return toOrder(dynamo.updateItem(update -> update.tableName(tableName)
                        .key(key(orderId))
                        .updateExpression("ADD invoiceIds :invoice")
                        .expressionAttributeValues(Map.of(":invoice", AttributeValue.fromSs(List.of(invoiceId))))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes());
    }

    /**
     * Marks the order cancelled unless it is already (the first cancellation's time stays) and returns the order as it
     * is now, with the invoices issued for it so far.
     */
    PaymentOrder recordCancellation(String orderId, Instant cancelledAt) {
        return toOrder(dynamo.updateItem(update -> update.tableName(tableName)
                        .key(key(orderId))
                        .updateExpression("SET cancelledAt = if_not_exists(cancelledAt, :cancelledAt)")
                        .expressionAttributeValues(Map.of(":cancelledAt", AttributeValue.fromS(cancelledAt.toString())))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes());
    }

    /** When the order was cancelled, read strongly consistently; empty when it was not (or is unknown). */
    Optional<Instant> cancelledAt(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        get -> get.tableName(tableName).key(key(orderId)).consistentRead(true))
                .item();
        return item.isEmpty() ? Optional.empty() : toOrder(item).cancelledAt();
    }

    private static PaymentOrder toOrder(Map<String, AttributeValue> item) {
        AttributeValue invoiceIds = item.get("invoiceIds");
        AttributeValue cancelledAt = item.get("cancelledAt");
        return new PaymentOrder(
                item.get("orderId").s(),
                invoiceIds == null ? Set.of() : Set.copyOf(invoiceIds.ss()),
                cancelledAt == null ? Optional.empty() : Optional.of(Instant.parse(cancelledAt.s())));
    }

    private static Map<String, AttributeValue> key(String orderId) {
        return Map.of("orderId", AttributeValue.fromS(orderId));
    }
}
