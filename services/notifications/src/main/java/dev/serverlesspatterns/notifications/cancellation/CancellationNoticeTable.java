package dev.serverlesspatterns.notifications.cancellation;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.serverlesspatterns.notifications.NotificationsProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import dev.serverlesspatterns.platform.priming.RefusedWrites;
import java.time.Instant;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The cancellation notices in the notifications table, which is keyed by {@code orderId} and {@code kind} (one item
 * per order and kind of notification): {@code orderId} S, {@code kind} S (CANCELLATION), {@code status} S (SENT),
 * {@code channel} S (EMAIL), {@code recipient} S, {@code cancelledAt} S and {@code sentAt} S (ISO-8601 UTC).
 */
@Component
class CancellationNoticeTable {

    static final String KIND = "CANCELLATION";

    private static final TableSchema<CancellationNotice> SCHEMA = RecordSchema.of(
                    CancellationNotice.class,
                    notice -> new CancellationNotice(
                            notice.get("orderId"),
                            notice.get("channel"),
                            notice.get("recipient"),
                            notice.get("cancelledAt"),
                            notice.get("sentAt")))
            .attribute(String.class, "orderId", CancellationNotice::orderId, primaryPartitionKey())
            .attribute(String.class, "kind", notice -> KIND, primarySortKey())
            .attribute(String.class, "status", notice -> "SENT")
            .attribute(String.class, "channel", CancellationNotice::channel)
            .attribute(String.class, "recipient", CancellationNotice::recipient)
            .attribute(Instant.class, "cancelledAt", CancellationNotice::cancelledAt)
            .attribute(Instant.class, "sentAt", CancellationNotice::sentAt)
            .build();

    private final DynamoDbTable<CancellationNotice> table;
    private final ConditionalWrites writes;

    CancellationNoticeTable(
            DynamoDbEnhancedClient dynamo, ConditionalWrites writes, NotificationsProperties properties) {
        this.table = dynamo.table(
                Settings.required(properties.tableName(), "notifications.table-name", "NOTIFICATIONS_TABLE"), SCHEMA);
        this.writes = writes;
    }

    /**
     * Records the notice unless its order has one. Check and write are one conditional {@code PutItem}, so of any
     * number of deliveries, concurrent or not, exactly one records it.
     *
     * @return false when the order's notice was recorded before (the write then changed nothing)
     */
    boolean recordOnce(CancellationNotice notice) {
        return writes.putIfAbsent(table, notice);
    }

    /** The {@code PutItem} of {@link #recordOnce} for SnapStart priming, refused by a condition that cannot hold. */
    void recordRefused(CancellationNotice notice) {
        RefusedWrites.putItem(table, notice);
    }
}
