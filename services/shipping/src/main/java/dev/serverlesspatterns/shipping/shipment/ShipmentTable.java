package dev.serverlesspatterns.shipping.shipment;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import dev.serverlesspatterns.platform.priming.RefusedWrites;
import dev.serverlesspatterns.shipping.ShippingProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;

/**
 * The shipments table, keyed by {@code orderId} (one shipment per order): {@code customerId} S, {@code status} S
 * (PLANNED), {@code placedAt} S and {@code plannedAt} S (ISO-8601 UTC), {@code dispatchBy} S (ISO-8601 date).
 */
@Component
class ShipmentTable {

    private static final TableSchema<PlannedShipment> SCHEMA = RecordSchema.of(
                    PlannedShipment.class,
                    item -> new PlannedShipment(
                            item.get("orderId"),
                            item.get("customerId"),
                            item.get("status"),
                            item.get("placedAt"),
                            item.get("plannedAt"),
                            item.get("dispatchBy")))
            .attribute(String.class, "orderId", PlannedShipment::orderId, primaryPartitionKey())
            .attribute(String.class, "customerId", PlannedShipment::customerId)
            .attribute(String.class, "status", PlannedShipment::status)
            .attribute(Instant.class, "placedAt", PlannedShipment::placedAt)
            .attribute(Instant.class, "plannedAt", PlannedShipment::plannedAt)
            .attribute(LocalDate.class, "dispatchBy", PlannedShipment::dispatchBy)
            .build();

    private final DynamoDbTable<PlannedShipment> table;
    private final ConditionalWrites writes;

    ShipmentTable(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, ShippingProperties properties) {
        this.table = dynamo.table(
                Settings.required(properties.tableName(), "shipping.table-name", "SHIPMENTS_TABLE"), SCHEMA);
        this.writes = writes;
    }

    /**
     * Plans the shipment unless its order has one: one conditional {@code PutItem}, so of any number of deliveries of
     * the order, concurrent or not, exactly one plans it.
     *
     * @return false when the order's shipment was planned before (the write then changed nothing)
     */
    boolean planOnce(PlannedShipment shipment) {
        return writes.putIfAbsent(table, shipment);
    }

    /** The {@code PutItem} of {@link #planOnce} for SnapStart priming, refused by a condition that cannot hold. */
    void planRefused(PlannedShipment shipment) {
        RefusedWrites.putItem(table, shipment);
    }

    /** The order's shipment: a consistent {@code GetItem}, so a shipment just planned is seen. */
    Optional<PlannedShipment> of(String orderId) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(orderId).build())
                .consistentRead(true)
                .build()));
    }
}
