package dev.serverlesspatterns.notifications.confirmation;

import dev.serverlesspatterns.notifications.NotificationsProperties;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The notifications table: one item per order whose confirmation was sent, keyed by {@code orderId}:
 * {@code orderId} S, {@code status} S (SENT), {@code channel} S (EMAIL), {@code recipient} S, {@code totalCents} N,
 * {@code currency} S, {@code placedAt} S and {@code sentAt} S (ISO-8601 UTC).
 */
@Component
class NotificationTable {

    private final DynamoDbClient dynamo;
    private final String tableName;

    NotificationTable(DynamoDbClient dynamo, NotificationsProperties properties) {
        this.dynamo = dynamo;
        this.tableName = properties.tableName();
    }

    /**
     * Records the confirmation unless one for its order exists. Check and write are one conditional
     * {@code PutItem}, so of any number of concurrent deliveries exactly one records it.
     *
     * @return false when the order's confirmation was recorded before (the write then changed nothing)
     */
    boolean recordOnce(Confirmation confirmation) {
        try {
            dynamo.putItem(put -> put.tableName(tableName)
                    .item(toItem(confirmation))
                    .conditionExpression("attribute_not_exists(orderId)"));
            return true;
        } catch (ConditionalCheckFailedException recordedBefore) {
            return false;
        }
    }

    private static Map<String, AttributeValue> toItem(Confirmation confirmation) {
        return Map.of(
                "orderId", s(confirmation.orderId()),
                "status", s("SENT"),
                "channel", s(confirmation.channel()),
                "recipient", s(confirmation.recipient()),
                "totalCents", AttributeValue.fromN(Long.toString(confirmation.totalCents())),
                "currency", s(confirmation.currency()),
                "placedAt", s(confirmation.placedAt().toString()),
                "sentAt", s(confirmation.sentAt().toString()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
