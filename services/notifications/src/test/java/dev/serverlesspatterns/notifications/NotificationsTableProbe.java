package dev.serverlesspatterns.notifications;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Looks straight into the provisioned notifications table, past the functions, to see what they wrote. */
public final class NotificationsTableProbe implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String table;

    public NotificationsTableProbe(ProvisionedStack stack) {
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.table = stack.physicalName("NotificationsTable");
    }

    /** The order's confirmation item, empty when none was recorded. */
    public Map<String, AttributeValue> confirmationOf(String orderId) {
        return notification(orderId, "CONFIRMATION");
    }

    /** The order's cancellation notice item, empty when none was recorded. */
    public Map<String, AttributeValue> cancellationNoticeOf(String orderId) {
        return notification(orderId, "CANCELLATION");
    }

    private Map<String, AttributeValue> notification(String orderId, String kind) {
        return dynamo.getItem(get -> get.tableName(table)
                        .key(Map.of("orderId", AttributeValue.fromS(orderId), "kind", AttributeValue.fromS(kind)))
                        .consistentRead(true))
                .item();
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
