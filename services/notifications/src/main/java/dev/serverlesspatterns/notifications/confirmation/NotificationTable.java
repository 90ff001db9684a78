package dev.serverlesspatterns.notifications.confirmation;

import dev.serverlesspatterns.notifications.NotificationsProperties;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The order confirmations in the notifications table, which is keyed by {@code orderId} and {@code kind} (one item per
 * order and kind of notification): {@code orderId} S, {@code kind} S (CONFIRMATION), {@code status} S (SENT),
 * {@code channel} S (EMAIL), {@code recipient} S, {@code totalCents} N, {@code currency} S, {@code placedAt} S and
 * {@code sentAt} S (ISO-8601 UTC).
 */
@Component
class NotificationTable {

    static final String KIND = "CONFIRMATION";

    private final DynamoDbClient dynamo;
    private final String tableName;

    NotificationTable(DynamoDbClient dynamo, NotificationsProperties properties) {
        this.dynamo = dynamo;
        this.tableName = properties.tableName();
    }

    /**
     * Records the confirmation unless its order has one. Check and write are one conditional
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
                "kind", s(KIND),
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
