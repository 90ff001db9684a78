package dev.serverlesspatterns.checkout.stock;

import dev.serverlesspatterns.checkout.CheckoutProperties;
import dev.serverlesspatterns.platform.Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The stock table ({@code sku} S; {@code available} N, {@code priceCents} N) and the reservations table
 * ({@code checkoutId} S; {@code status} S RESERVED|CONFIRMED|RELEASED, {@code amountCents} N, {@code items} L of
 * {@code {sku, quantity}}, {@code reservedAt}/{@code releasedAt} S). A reservation moves stock in one transaction with
 * its own item, so the two never disagree; each change is conditional on the reservation's status, which is what makes
 * a repeated reserve or release change nothing.
 */
@Component
class StockLedger {

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final Clock clock;
    private final String stockTable;
    private final String reservationsTable;

    StockLedger(DynamoDbClient dynamo, Clock clock, CheckoutProperties properties) {
        this.dynamo = dynamo;
        this.clock = clock;
        this.stockTable = Settings.required(properties.stockTableName(), "checkout.stock-table-name", "STOCK_TABLE");
        this.reservationsTable = Settings.required(
                properties.reservationsTableName(), "checkout.reservations-table-name", "RESERVATIONS_TABLE");
    }

    /**
     * Takes the lines' stock and records the reservation, or answers the reservation an earlier attempt recorded.
     *
     * @throws OutOfStockException when a sku is not sold or has less than its line asks for; nothing is taken
     */
    Reservation reserve(String checkoutId, List<ReserveStockTask.Line> lines) {
        Optional<Reservation> earlier = find(checkoutId);
        if (earlier.isPresent()) {
            return stillHeld(earlier.get());
        }
        Map<String, Long> prices = new HashMap<>();
        lines.forEach(line -> prices.put(line.sku(), priceCents(line.sku())));
        return hold(checkoutId, lines, prices);
    }

    /**
     * The reservation's transaction: each line's stock taken if there is enough, and the reservation recorded unless
     * there is one. Also the SnapStart warm-up's call, for a sku no stock item has: then cancelled, nothing written.
     */
    Reservation hold(String checkoutId, List<ReserveStockTask.Line> lines, Map<String, Long> prices) {
        long amountCents = 0;
        List<TransactWriteItem> writes = new ArrayList<>();
        List<AttributeValue> items = new ArrayList<>();
        for (ReserveStockTask.Line line : lines) {
            amountCents += prices.get(line.sku()) * line.quantity();
            AttributeValue quantity = number(line.quantity());
            writes.add(TransactWriteItem.builder()
                    .update(update -> update.tableName(stockTable)
                            .key(Map.of("sku", string(line.sku())))
                            .updateExpression("SET available = available - :quantity")
                            .conditionExpression("available >= :quantity")
                            .expressionAttributeValues(Map.of(":quantity", quantity)))
                    .build());
            items.add(AttributeValue.fromM(Map.of("sku", string(line.sku()), "quantity", quantity)));
        }
        Reservation reservation = new Reservation(checkoutId, "RESERVED", amountCents);
        writes.add(TransactWriteItem.builder()
                .put(put -> put.tableName(reservationsTable)
                        .item(Map.of(
                                "checkoutId", string(checkoutId),
                                "status", string(reservation.status()),
                                "amountCents", number(reservation.amountCents()),
                                "items", AttributeValue.fromL(items),
                                "reservedAt", string(clock.instant().toString())))
                        .conditionExpression("attribute_not_exists(checkoutId)"))
                .build());
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(writes));
            return reservation;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            for (int i = 0; i < lines.size(); i++) {
                if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(i).code())) {
                    ReserveStockTask.Line line = lines.get(i);
                    throw new OutOfStockException(
                            "Sku " + line.sku() + " has fewer than " + line.quantity() + " in stock");
                }
            }
            if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(lines.size()).code())) {
                // A concurrent attempt of the same task reserved first.
                return stillHeld(find(checkoutId).orElseThrow(() -> cancelled));
            }
            throw cancelled;
        }
    }

    /**
     * Gives a reserved checkout's stock back. A checkout that reserved nothing gets a RELEASED reservation without
     * lines, so that a reserve arriving late (a task Lambda still ran after the state machine gave up on it) cannot
     * take stock for a checkout that failed.
     *
     * @return the reservation's status afterwards
     */
    String release(String checkoutId) {
        Optional<Reservation> found = find(checkoutId);
        if (found.isEmpty()) {
            try {
                dynamo.putItem(put -> put.tableName(reservationsTable)
                        .item(Map.of(
                                "checkoutId", string(checkoutId),
                                "status", string("RELEASED"),
                                "amountCents", number(0),
                                "items", AttributeValue.fromL(List.of()),
                                "releasedAt", string(clock.instant().toString())))
                        .conditionExpression("attribute_not_exists(checkoutId)"));
                return "RELEASED";
            } catch (ConditionalCheckFailedException reservedMeanwhile) {
                return release(checkoutId);
            }
        }
        if (!found.get().status().equals("RESERVED")) {
            return found.get().status();
        }
        giveBack(checkoutId, reservedLines(checkoutId));
        return find(checkoutId).map(Reservation::status).orElseThrow();
    }

    /**
     * The release's transaction: the lines' stock back and the reservation RELEASED, only while it is RESERVED. Also
     * the SnapStart warm-up's call, for a checkout no reservation has: then cancelled, nothing written.
     */
    void giveBack(String checkoutId, List<AttributeValue> lines) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (AttributeValue line : lines) {
            writes.add(TransactWriteItem.builder()
                    .update(update -> update.tableName(stockTable)
                            .key(Map.of("sku", line.m().get("sku")))
                            .updateExpression("ADD available :quantity")
                            .expressionAttributeValues(
                                    Map.of(":quantity", line.m().get("quantity"))))
                    .build());
        }
        writes.add(TransactWriteItem.builder()
                .update(update -> update.tableName(reservationsTable)
                        .key(Map.of("checkoutId", string(checkoutId)))
                        .updateExpression("SET #status = :released, releasedAt = :now")
                        .conditionExpression("#status = :reserved")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(
                                ":released", string("RELEASED"),
                                ":reserved", string("RESERVED"),
                                ":now", string(clock.instant().toString()))))
                .build());
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(writes));
        } catch (TransactionCanceledException cancelled) {
            if (!CONDITIONAL_CHECK_FAILED.equals(
                    cancelled.cancellationReasons().getLast().code())) {
                throw cancelled;
            }
            // A concurrent release (or the order's confirmation) changed the status first; the stock moved with it.
        }
    }

    Optional<Reservation> find(String checkoutId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(reservationsTable)
                        .key(Map.of("checkoutId", string(checkoutId)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reservation(
                checkoutId,
                item.get("status").s(),
                Long.parseLong(item.get("amountCents").n())));
    }

    private List<AttributeValue> reservedLines(String checkoutId) {
        return dynamo.getItem(get -> get.tableName(reservationsTable)
                        .key(Map.of("checkoutId", string(checkoutId)))
                        .projectionExpression("#items")
                        .expressionAttributeNames(Map.of("#items", "items"))
                        .consistentRead(true))
                .item()
                .get("items")
                .l();
    }

    private long priceCents(String sku) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(stockTable)
                        .key(Map.of("sku", string(sku)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            throw new OutOfStockException("Sku " + sku + " is not sold");
        }
        return Long.parseLong(item.get("priceCents").n());
    }

    /** A reservation a repeated reserve finds: answered as it is, unless the checkout gave its stock back. */
    private static Reservation stillHeld(Reservation reservation) {
        if (reservation.status().equals("RELEASED")) {
            throw new IllegalStateException(
                    "Checkout " + reservation.checkoutId() + " released its stock already; start a new checkout");
        }
        return reservation;
    }

    private static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
