package dev.serverlesspatterns.orders.order;

import static dev.serverlesspatterns.platform.dynamodb.UpdateActions.add;
import static dev.serverlesspatterns.platform.dynamodb.UpdateActions.set;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.serverlesspatterns.events.orders.PlaceOrderRequest.OrderLine;
import dev.serverlesspatterns.orders.OrdersProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import dev.serverlesspatterns.platform.priming.RefusedWrites;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.update.SetAction;
import software.amazon.awssdk.enhanced.dynamodb.update.UpdateExpression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The orders table. One item per order; its attributes are a contract with the consumers of the table's
 * stream (NEW_AND_OLD_IMAGES), so they stay flat and documented in the service README:
 * {@code orderId} S, {@code customerId} S, {@code status} S (OPEN|CANCELLED), {@code currency} S,
 * {@code items} L of M {sku S, quantity N, unitPriceCents N}, {@code totalCents} N, {@code createdAt} S,
 * {@code updatedAt} S, {@code version} N, {@code requestFingerprint} S. The lines keep the order they were placed
 * in and are never removed, so a line's position in {@link Order#items()} is its index in the stored list.
 */
@Component
class OrderTable {

    private static final TableSchema<OrderLine> LINE = RecordSchema.of(
                    OrderLine.class,
                    line -> new OrderLine(line.get("sku"), line.get("quantity", 0), line.get("unitPriceCents", 0L)))
            .attribute(String.class, "sku", OrderLine::sku)
            .attribute(Integer.class, "quantity", OrderLine::quantity)
            .attribute(Long.class, "unitPriceCents", OrderLine::unitPriceCents)
            .build();

    private final DynamoDbTable<Order> table;
    private final DynamoDbIndex<Order> byCustomer;
    private final ConditionalWrites writes;

    OrderTable(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, OrdersProperties properties) {
        this.table = dynamo.table(
                Settings.required(properties.tableName(), "orders.table-name", "ORDERS_TABLE"),
                schema(properties.customerIndex()));
        this.byCustomer = table.index(properties.customerIndex());
        this.writes = writes;
    }

    private static TableSchema<Order> schema(String customerIndex) {
        return RecordSchema.of(
                        Order.class,
                        order -> new Order(
                                order.get("orderId"),
                                order.get("customerId"),
                                order.get("status"),
                                order.get("currency"),
                                order.get("items"),
                                order.get("totalCents", 0L),
                                order.get("createdAt"),
                                order.get("updatedAt"),
                                order.get("version", 0L),
                                order.get("requestFingerprint")))
                .attribute(String.class, "orderId", Order::orderId, primaryPartitionKey())
                .attribute(String.class, "customerId", Order::customerId, secondaryPartitionKey(customerIndex))
                .attribute(OrderStatus.class, "status", Order::status)
                .attribute(String.class, "currency", Order::currency)
                .attribute(EnhancedType.listOf(EnhancedType.documentOf(OrderLine.class, LINE)), "items", Order::items)
                .attribute(Long.class, "totalCents", Order::totalCents)
                .attribute(String.class, "createdAt", Order::createdAt, secondarySortKey(customerIndex))
                .attribute(String.class, "updatedAt", Order::updatedAt)
                .attribute(Long.class, "version", Order::version)
                .attribute(String.class, "requestFingerprint", Order::requestFingerprint)
                .build();
    }

    /** Writes a new order; false when an order with its id exists already (the write then changed nothing). */
    boolean insert(Order order) {
        return writes.putIfAbsent(table, order);
    }

    /** The {@link #insert} request for an order whose id no order has, refused by its condition (SnapStart priming). */
    void insertRefused(Order order) {
        RefusedWrites.putItem(table, order);
    }

    Optional<Order> find(String orderId) {
        return Optional.ofNullable(table.getItem(get -> get.key(key(orderId)).consistentRead(true)));
    }

    /**
     * A customer's orders, newest first. Reading one item more than the page holds tells whether another page
     * exists, so the last page never ends with a token that leads to an empty page.
     */
    OrderSlice findByCustomer(String customerId, int limit, PageKey after) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(key -> key.partitionValue(customerId)))
                .scanIndexForward(false)
                .limit(limit + 1);
        if (after != null) {
            query.exclusiveStartKey(Map.of(
                    "orderId", s(after.orderId()),
                    "customerId", s(after.customerId()),
                    "createdAt", s(after.createdAt())));
        }
        // One Query: the first page only.
        Page<Order> page = byCustomer.query(query.build()).iterator().next();
        List<Order> orders = page.items();
        if (orders.size() > limit) {
            List<Order> slice = orders.subList(0, limit);
            return new OrderSlice(slice, PageKey.after(slice.getLast()));
        }
        // A query also stops early at 1 MB of data; its LastEvaluatedKey then marks where to go on.
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        PageKey next = last == null || last.isEmpty()
                ? null
                : new PageKey(
                        last.get("orderId").s(),
                        last.get("customerId").s(),
                        last.get("createdAt").s());
        return new OrderSlice(orders, next);
    }

    /**
     * Cancels an open order in one conditional write, so of any number of concurrent cancels exactly one
     * succeeds. A missing item fails the condition too ({@code status} does not exist).
     *
     * @param customerId the only customer allowed to cancel it, or null for an admin who may cancel any order
     * @return the cancelled order, or empty when the condition failed (missing, not open, or not the customer's)
     */
    Optional<Order> cancel(String orderId, String customerId, String now) {
        UpdateExpression update = UpdateExpression.builder()
                .addAction(set("status", s(OrderStatus.CANCELLED.name())))
                .addAction(set("updatedAt", s(now)))
                .addAction(add("version", n(1)))
                .build();
        Expression open = Expression.builder()
                .expression("#status = :open")
                .putExpressionName("#status", "status")
                .putExpressionValue(":open", s(OrderStatus.OPEN.name()))
                .build();
        return writes.update(table, key(orderId), update, ownedBy(open, customerId));
    }

    /**
     * Applies a quantity change to one line in place: {@code SET items[i].quantity = items[i].quantity + :delta,
     * totalCents = totalCents + :deltaCents}. DynamoDB evaluates the condition and the arithmetic on the item as
     * it is at that moment, one update after the other, so concurrent changes all count; nothing is read and
     * written back. The condition holds the update to what the change was checked against: the order is open
     * (a missing item has no {@code status}), line {@code i} is still the same sku at the same price, and its
     * quantity lies between {@link QuantityChange#minimumBefore()} and {@link QuantityChange#maximumBefore()},
     * which is "the new quantity stays within bounds" without arithmetic in the condition.
     *
     * @param customerId the only customer allowed to change it, or null for an admin who may change any order
     * @return the changed order, or empty when the condition failed (the write then changed nothing)
     */
    Optional<Order> changeQuantity(String orderId, String customerId, QuantityChange change, String now) {
        // Document paths take a list index only as a literal, never as a placeholder value.
        String line = "#items[" + change.line() + "]";
        Map<String, String> lineNames = Map.of("#items", "items", "#quantity", "quantity");
        UpdateExpression update = UpdateExpression.builder()
                .addAction(SetAction.builder()
                        .path(line + ".#quantity")
                        .value(line + ".#quantity + :delta")
                        .expressionNames(lineNames)
                        .putExpressionValue(":delta", n(change.delta()))
                        .build())
                .addAction(SetAction.builder()
                        .path("#totalCents")
                        .value("#totalCents + :deltaCents")
                        .putExpressionName("#totalCents", "totalCents")
                        .putExpressionValue(":deltaCents", n(change.deltaCents()))
                        .build())
                .addAction(set("updatedAt", s(now)))
                .addAction(add("version", n(1)))
                .build();
        Expression lineUnchanged = Expression.builder()
                .expression("#status = :open"
                        + " AND " + line + ".#sku = :sku"
                        + " AND " + line + ".#unitPriceCents = :unitPriceCents"
                        + " AND " + line + ".#quantity >= :minimumBefore"
                        + " AND " + line + ".#quantity <= :maximumBefore")
                .expressionNames(Map.of(
                        "#status", "status",
                        "#items", "items",
                        "#sku", "sku",
                        "#unitPriceCents", "unitPriceCents",
                        "#quantity", "quantity"))
                .expressionValues(Map.of(
                        ":open", s(OrderStatus.OPEN.name()),
                        ":sku", s(change.sku()),
                        ":unitPriceCents", n(change.unitPriceCents()),
                        ":minimumBefore", n(change.minimumBefore()),
                        ":maximumBefore", n(change.maximumBefore())))
                .build();
        return writes.update(table, key(orderId), update, ownedBy(lineUnchanged, customerId));
    }

    /** The condition, and for a customer (not an admin) that the order is theirs. */
    private static Expression ownedBy(Expression condition, String customerId) {
        if (customerId == null) {
            return condition;
        }
        Expression owner = Expression.builder()
                .expression("#customerId = :customerId")
                .putExpressionName("#customerId", "customerId")
                .putExpressionValue(":customerId", s(customerId))
                .build();
        return Expression.join(condition, owner, " AND ");
    }

    private static Key key(String orderId) {
        return Key.builder().partitionValue(orderId).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
