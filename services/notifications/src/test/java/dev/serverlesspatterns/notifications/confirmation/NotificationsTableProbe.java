package dev.serverlesspatterns.notifications.confirmation;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Looks straight into the provisioned notifications table, past the function, to see what it wrote. */
final class NotificationsTableProbe implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String table;

    NotificationsTableProbe(ProvisionedStack stack) {
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.table = stack.physicalName("NotificationsTable");
    }

    /** The order's confirmation item, empty when none was recorded. */
    Map<String, AttributeValue> confirmationOf(String orderId) {
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
