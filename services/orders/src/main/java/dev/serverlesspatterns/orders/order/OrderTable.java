package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.events.orders.PlaceOrderRequest.OrderLine;
import dev.serverlesspatterns.orders.OrdersProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

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

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final String customerIndex;

    OrderTable(DynamoDbClient dynamo, OrdersProperties properties) {
        this.dynamo = dynamo;
        this.tableName = properties.tableName();
        this.customerIndex = properties.customerIndex();
    }

    /** Writes a new order; false when an order with its id exists already (the write then changed nothing). */
    boolean insert(Order order) {
        try {
            dynamo.putItem(put ->
                    put.tableName(tableName).item(toItem(order)).conditionExpression("attribute_not_exists(orderId)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    Optional<Order> find(String orderId) {
        GetItemResponse response =
                dynamo.getItem(get -> get.tableName(tableName).key(key(orderId)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    /**
     * A customer's orders, newest first. Reading one item more than the page holds tells whether another page
     * exists, so the last page never ends with a token that leads to an empty page.
     */
    OrderSlice findByCustomer(String customerId, int limit, PageKey after) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(tableName)
                .indexName(customerIndex)
                .keyConditionExpression("customerId = :customerId")
                .expressionAttributeValues(Map.of(":customerId", s(customerId)))
                .scanIndexForward(false)
                .limit(limit + 1);
        if (after != null) {
            query.exclusiveStartKey(Map.of(
                    "orderId", s(after.orderId()),
                    "customerId", s(after.customerId()),
                    "createdAt", s(after.createdAt())));
        }
        QueryResponse response = dynamo.query(query.build());
        List<Order> orders = response.items().stream().map(OrderTable::fromItem).toList();
        if (orders.size() > limit) {
            List<Order> page = orders.subList(0, limit);
            return new OrderSlice(page, PageKey.after(page.getLast()));
        }
        // A query also stops early at 1 MB of data; its LastEvaluatedKey then marks where to go on.
        PageKey next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? new PageKey(
                                response.lastEvaluatedKey().get("orderId").s(),
                                response.lastEvaluatedKey().get("customerId").s(),
                                response.lastEvaluatedKey().get("createdAt").s())
                        : null;
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
        Map<String, String> names = new HashMap<>();
        names.put("#status", "status");
        names.put("#updatedAt", "updatedAt");
        names.put("#version", "version");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":cancelled", s(OrderStatus.CANCELLED.name()));
        values.put(":open", s(OrderStatus.OPEN.name()));
        values.put(":now", s(now));
        values.put(":one", n(1));
        String condition = "#status = :open";
        if (customerId != null) {
            names.put("#customerId", "customerId");
            values.put(":customerId", s(customerId));
            condition += " AND #customerId = :customerId";
        }
        UpdateItemRequest update = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key(orderId))
                .updateExpression("SET #status = :cancelled, #updatedAt = :now ADD #version :one")
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .build();
        try {
            return Optional.of(fromItem(dynamo.updateItem(update).attributes()));
        } catch (ConditionalCheckFailedException notCancellable) {
            return Optional.empty();
        }
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
        Map<String, String> names = new HashMap<>();
        names.put("#status", "status");
        names.put("#items", "items");
        names.put("#sku", "sku");
        names.put("#quantity", "quantity");
        names.put("#unitPriceCents", "unitPriceCents");
        names.put("#totalCents", "totalCents");
        names.put("#updatedAt", "updatedAt");
        names.put("#version", "version");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", s(OrderStatus.OPEN.name()));
        values.put(":sku", s(change.sku()));
        values.put(":unitPriceCents", n(change.unitPriceCents()));
        values.put(":minimumBefore", n(change.minimumBefore()));
        values.put(":maximumBefore", n(change.maximumBefore()));
        values.put(":delta", n(change.delta()));
        values.put(":deltaCents", n(change.deltaCents()));
        values.put(":now", s(now));
        values.put(":one", n(1));
        String condition = "#status = :open"
                + " AND " + line + ".#sku = :sku"
                + " AND " + line + ".#unitPriceCents = :unitPriceCents"
                + " AND " + line + ".#quantity >= :minimumBefore"
                + " AND " + line + ".#quantity <= :maximumBefore";
        if (customerId != null) {
            names.put("#customerId", "customerId");
            values.put(":customerId", s(customerId));
            condition += " AND #customerId = :customerId";
        }
        UpdateItemRequest update = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key(orderId))
                .updateExpression("SET " + line + ".#quantity = " + line + ".#quantity + :delta,"
                        + " #totalCents = #totalCents + :deltaCents, #updatedAt = :now ADD #version :one")
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .build();
        try {
            return Optional.of(fromItem(dynamo.updateItem(update).attributes()));
        } catch (ConditionalCheckFailedException notApplicable) {
            return Optional.empty();
        }
    }

    private static Map<String, AttributeValue> key(String orderId) {
        return Map.of("orderId", s(orderId));
    }

    private static Map<String, AttributeValue> toItem(Order order) {
        List<AttributeValue> lines = order.items().stream()
                .map(line -> AttributeValue.fromM(Map.of(
                        "sku", s(line.sku()),
                        "quantity", n(line.quantity()),
                        "unitPriceCents", n(line.unitPriceCents()))))
                .toList();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", s(order.orderId()));
        item.put("customerId", s(order.customerId()));
        item.put("status", s(order.status().name()));
        item.put("currency", s(order.currency()));
        item.put("items", AttributeValue.fromL(lines));
        item.put("totalCents", n(order.totalCents()));
        item.put("createdAt", s(order.createdAt()));
        item.put("updatedAt", s(order.updatedAt()));
        item.put("version", n(order.version()));
        item.put("requestFingerprint", s(order.requestFingerprint()));
        return item;
    }

    private static Order fromItem(Map<String, AttributeValue> item) {
        List<OrderLine> lines = item.get("items").l().stream()
                .map(AttributeValue::m)
                .map(line -> new OrderLine(
                        line.get("sku").s(),
                        Integer.parseInt(line.get("quantity").n()),
                        Long.parseLong(line.get("unitPriceCents").n())))
                .toList();
        return new Order(
                item.get("orderId").s(),
                item.get("customerId").s(),
                OrderStatus.valueOf(item.get("status").s()),
                item.get("currency").s(),
                lines,
                Long.parseLong(item.get("totalCents").n()),
                item.get("createdAt").s(),
                item.get("updatedAt").s(),
                Long.parseLong(item.get("version").n()),
                item.get("requestFingerprint").s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
