package dev.serverlesspatterns.checkout.order;

import dev.serverlesspatterns.checkout.CheckoutProperties;
import dev.serverlesspatterns.platform.Settings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The checkout's orders table ({@code checkoutId} S; {@code customerId} S, {@code amountCents} N, {@code paymentId} S,
 * {@code deliveryCountry} S, {@code status} S CONFIRMED, {@code confirmedAt} S). An order is written in one
 * transaction with its reservation's move to CONFIRMED and a check that its payment is CHARGED: it exists only with
 * both, and a compensation that ran first (released, refunded) stops it.
 */
@Component
class OrderBook {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final Clock clock;
    private final String ordersTable;
    private final String reservationsTable;
    private final String paymentsTable;

    OrderBook(DynamoDbClient dynamo, Clock clock, CheckoutProperties properties) {
        this.dynamo = dynamo;
        this.clock = clock;
        this.ordersTable =
                Settings.required(properties.ordersTableName(), "checkout.orders-table-name", "CHECKOUT_ORDERS_TABLE");
        this.reservationsTable = Settings.required(
                properties.reservationsTableName(), "checkout.reservations-table-name", "RESERVATIONS_TABLE");
        this.paymentsTable =
                Settings.required(properties.paymentsTableName(), "checkout.payments-table-name", "PAYMENTS_TABLE");
    }

    /** @return false when the order was confirmed before (a repeated task) */
    boolean confirm(ConfirmOrderTask task) {
        Map<String, AttributeValue> key = Map.of("checkoutId", AttributeValue.fromS(task.checkoutId()));
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder()
                        .put(put -> put.tableName(ordersTable)
                                .item(Map.of(
                                        "checkoutId", AttributeValue.fromS(task.checkoutId()),
                                        "customerId", AttributeValue.fromS(task.customerId()),
                                        "amountCents", AttributeValue.fromN(Long.toString(task.amountCents())),
                                        "paymentId", AttributeValue.fromS(task.paymentId()),
                                        "deliveryCountry", AttributeValue.fromS(task.deliveryCountry()),
                                        "status", AttributeValue.fromS("CONFIRMED"),
                                        "confirmedAt",
                                                AttributeValue.fromS(
                                                        clock.instant().toString())))
                                .conditionExpression("attribute_not_exists(checkoutId)"))
                        .build(),
                TransactWriteItem.builder()
                        .update(update -> update.tableName(reservationsTable)
                                .key(key)
                                .updateExpression("SET #status = :confirmed")
                                .conditionExpression("#status = :reserved")
                                .expressionAttributeNames(Map.of("#status", "status"))
                                .expressionAttributeValues(Map.of(
                                        ":confirmed", AttributeValue.fromS("CONFIRMED"),
                                        ":reserved", AttributeValue.fromS("RESERVED"))))
                        .build(),
                TransactWriteItem.builder()
                        .conditionCheck(check -> check.tableName(paymentsTable)
                                .key(key)
                                .conditionExpression("#status = :charged")
                                .expressionAttributeNames(Map.of("#status", "status"))
                                .expressionAttributeValues(Map.of(":charged", AttributeValue.fromS("CHARGED"))))
                        .build());
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(writes));
            return true;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) {
                return false;
            }
            if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(1).code())) {
                throw new IllegalStateException("Checkout " + task.checkoutId() + " holds no reserved stock");
            }
            if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(2).code())) {
                throw new IllegalStateException("Checkout " + task.checkoutId() + " has no charged payment");
            }
            throw cancelled;
        }
    }
}
