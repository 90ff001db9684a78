package dev.serverlesspatterns.notifications.cancellation;

import dev.serverlesspatterns.notifications.NotificationsProperties;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The cancellation notices in the notifications table, which is keyed by {@code orderId} and {@code kind} (one item
 * per order and kind of notification): {@code orderId} S, {@code kind} S (CANCELLATION), {@code status} S (SENT),
 * {@code channel} S (EMAIL), {@code recipient} S, {@code cancelledAt} S and {@code sentAt} S (ISO-8601 UTC).
 */
@Component
class CancellationNoticeTable {

    static final String KIND = "CANCELLATION";

    private final DynamoDbClient dynamo;
    private final String tableName;

    CancellationNoticeTable(DynamoDbClient dynamo, NotificationsProperties properties) {
        this.dynamo = dynamo;
        this.tableName = properties.tableName();
    }

    /**
     * Records the notice unless its order has one. Check and write are one conditional {@code PutItem}, so of any
     * number of deliveries, concurrent or not, exactly one records it.
     *
     * @return false when the order's notice was recorded before (the write then changed nothing)
     */
    boolean recordOnce(CancellationNotice notice) {
        try {
            dynamo.putItem(put -> put.tableName(tableName)
                    .item(Map.of(
                            "orderId", s(notice.orderId()),
                            "kind", s(KIND),
                            "status", s("SENT"),
                            "channel", s(notice.channel()),
                            "recipient", s(notice.recipient()),
                            "cancelledAt", s(notice.cancelledAt().toString()),
                            "sentAt", s(notice.sentAt().toString())))
                    .conditionExpression("attribute_not_exists(orderId)"));
            return true;
        } catch (ConditionalCheckFailedException recordedBefore) {
            return false;
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
