package dev.serverlesspatterns.shipping.shipment;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Looks straight into the provisioned shipments table, past the functions, to see what they wrote. */
final class ShipmentsProbe implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String table;

    ShipmentsProbe(ProvisionedStack stack) {
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.table = stack.physicalName("ShipmentsTable");
    }

    /** The order's shipment item, empty when none was planned. */
    Map<String, AttributeValue> shipmentOf(String orderId) {
        return dynamo.getItem(get -> get.tableName(table)
                        .key(Map.of("orderId", AttributeValue.fromS(orderId)))
                        .consistentRead(true))
                .item();
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
