package dev.serverlesspatterns.notifications.confirmation;

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
 * The order confirmations in the notifications table, which is keyed by {@code orderId} and {@code kind} (one item per
 * order and kind of notification): {@code orderId} S, {@code kind} S (CONFIRMATION), {@code status} S (SENT),
 * {@code channel} S (EMAIL), {@code recipient} S, {@code totalCents} N, {@code currency} S, {@code placedAt} S and
 * {@code sentAt} S (ISO-8601 UTC).
 */
@Component
class NotificationTable {

    static final String KIND = "CONFIRMATION";

    private static final TableSchema<Confirmation> SCHEMA = RecordSchema.of(
                    Confirmation.class,
                    confirmation -> new Confirmation(
                            confirmation.get("orderId"),
                            confirmation.get("channel"),
                            confirmation.get("recipient"),
                            confirmation.get("totalCents", 0L),
                            confirmation.get("currency"),
                            confirmation.get("placedAt"),
                            confirmation.get("sentAt")))
            .attribute(String.class, "orderId", Confirmation::orderId, primaryPartitionKey())
            .attribute(String.class, "kind", confirmation -> KIND, primarySortKey())
            .attribute(String.class, "status", confirmation -> "SENT")
            .attribute(String.class, "channel", Confirmation::channel)
            .attribute(String.class, "recipient", Confirmation::recipient)
            .attribute(Long.class, "totalCents", Confirmation::totalCents)
            .attribute(String.class, "currency", Confirmation::currency)
            .attribute(Instant.class, "placedAt", Confirmation::placedAt)
            .attribute(Instant.class, "sentAt", Confirmation::sentAt)
            .build();

    private final DynamoDbTable<Confirmation> table;
    private final ConditionalWrites writes;

    NotificationTable(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, NotificationsProperties properties) {
        this.table = dynamo.table(
                Settings.required(properties.tableName(), "notifications.table-name", "NOTIFICATIONS_TABLE"), SCHEMA);
        this.writes = writes;
    }

    /**
     * Records the confirmation unless its order has one. Check and write are one conditional
     * {@code PutItem}, so of any number of concurrent deliveries exactly one records it.
     *
     * @return false when the order's confirmation was recorded before (the write then changed nothing)
     */
    boolean recordOnce(Confirmation confirmation) {
        return writes.putIfAbsent(table, confirmation);
    }

    /** The {@code PutItem} of {@link #recordOnce} for SnapStart priming, refused by a condition that cannot hold. */
    void recordRefused(Confirmation confirmation) {
        RefusedWrites.putItem(table, confirmation);
    }
}
