package dev.serverlesspatterns.payments.intent;

import static dev.serverlesspatterns.platform.dynamodb.UpdateActions.add;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.serverlesspatterns.payments.PaymentsProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.update.SetAction;
import software.amazon.awssdk.enhanced.dynamodb.update.UpdateExpression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    private static final TableSchema<PaymentOrder> SCHEMA = RecordSchema.of(
                    PaymentOrder.class,
                    order -> new PaymentOrder(
                            order.get("orderId"),
                            order.get("invoiceIds", Set.of()),
                            Optional.ofNullable(order.get("cancelledAt"))))
            .attribute(String.class, "orderId", PaymentOrder::orderId, primaryPartitionKey())
            // DynamoDB has no empty sets: an order without invoices has no attribute at all.
            .attribute(
                    EnhancedType.setOf(String.class),
                    "invoiceIds",
                    order -> order.invoiceIds().isEmpty() ? null : order.invoiceIds())
            .attribute(
                    Instant.class, "cancelledAt", order -> order.cancelledAt().orElse(null))
            .build();

    /** The condition of a priming update: an order that exists, which the update's unused order id never is. */
    private static final Expression EXISTING = Expression.builder()
            .expression("attribute_exists(#orderId)")
            .putExpressionName("#orderId", "orderId")
            .build();

    private final DynamoDbTable<PaymentOrder> table;
    private final ConditionalWrites writes;

    PaymentOrderTable(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, PaymentsProperties properties) {
        this.table = dynamo.table(
                Settings.required(properties.ordersTableName(), "payments.orders-table-name", "PAYMENT_ORDERS_TABLE"),
                SCHEMA);
        this.writes = writes;
    }

    /** Adds the invoice to its order (a set, so a repeat changes nothing) and returns the order as it is now. */
    PaymentOrder registerInvoice(String orderId, String invoiceId) {
        return writes.update(table, key(orderId), registration(invoiceId), null).orElseThrow();
    }

    /**
     * The {@code UpdateItem} of {@link #registerInvoice} for SnapStart priming, on an order id no order has and
     * conditioned on the order existing, so it is refused and writes nothing.
     *
     * @throws IllegalStateException when the order existed (and was updated)
     */
    void registerInvoiceRefused(String unusedOrderId, String invoiceId) {
        requireRefused(unusedOrderId, writes.update(table, key(unusedOrderId), registration(invoiceId), EXISTING));
    }

    /**
     * Marks the order cancelled unless it is already (the first cancellation's time stays) and returns the order as it
     * is now, with the invoices issued for it so far.
     */
    PaymentOrder recordCancellation(String orderId, Instant cancelledAt) {
        return writes.update(table, key(orderId), cancellation(cancelledAt), null)
                .orElseThrow();
    }

    /**
     * The {@code UpdateItem} of {@link #recordCancellation} for SnapStart priming, on an order id no order has and
     * conditioned on the order existing, so it is refused and writes nothing.
     *
     * @throws IllegalStateException when the order existed (and was updated)
     */
    void recordCancellationRefused(String unusedOrderId, Instant cancelledAt) {
        requireRefused(unusedOrderId, writes.update(table, key(unusedOrderId), cancellation(cancelledAt), EXISTING));
    }

    /** When the order was cancelled, read strongly consistently; empty when it was not (or is unknown). */
    Optional<Instant> cancelledAt(String orderId) {
        return Optional.ofNullable(table.getItem(get -> get.key(key(orderId)).consistentRead(true)))
                .flatMap(PaymentOrder::cancelledAt);
    }

    private static UpdateExpression registration(String invoiceId) {
        return UpdateExpression.builder()
                .addAction(add("invoiceIds", AttributeValue.fromSs(List.of(invoiceId))))
                .build();
    }

    private static UpdateExpression cancellation(Instant cancelledAt) {
        return UpdateExpression.builder()
                .addAction(SetAction.builder()
                        .path("#cancelledAt")
                        .value("if_not_exists(#cancelledAt, :cancelledAt)")
                        .putExpressionName("#cancelledAt", "cancelledAt")
                        .putExpressionValue(":cancelledAt", AttributeValue.fromS(cancelledAt.toString()))
                        .build())
                .build();
    }

    private static void requireRefused(String orderId, Optional<PaymentOrder> updated) {
        if (updated.isPresent()) {
            throw new IllegalStateException(
                    "A priming UpdateItem changed payment order " + orderId + ": choose an order id no order has");
        }
    }

    private static Key key(String orderId) {
        return Key.builder().partitionValue(orderId).build();
    }
}
