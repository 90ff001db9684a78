package dev.serverlesspatterns.notifications.routing;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.serverlesspatterns.notifications.NotificationsProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import dev.serverlesspatterns.platform.priming.RefusedWrites;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The table of each channel task, keyed by {@code notificationId} (S): {@code channel} S, {@code recipient} S,
 * {@code text} S, {@code status} S (SENT) and {@code sentAt} S (ISO-8601 UTC). A channel's table name is checked when
 * its task first writes, so a function that runs one task needs only that task's table.
 */
@Component
class ChannelTables {

    private static final TableSchema<SentNotification> SCHEMA = RecordSchema.of(
                    SentNotification.class,
                    sent -> new SentNotification(
                            sent.get("notificationId"),
                            sent.get("channel"),
                            sent.get("recipient"),
                            sent.get("text"),
                            sent.get("sentAt")))
            .attribute(String.class, "notificationId", SentNotification::notificationId, primaryPartitionKey())
            .attribute(String.class, "channel", SentNotification::channel)
            .attribute(String.class, "recipient", SentNotification::recipient)
            .attribute(String.class, "text", SentNotification::text)
            .attribute(String.class, "status", sent -> "SENT")
            .attribute(Instant.class, "sentAt", SentNotification::sentAt)
            .build();

    private final DynamoDbEnhancedClient dynamo;
    private final ConditionalWrites writes;
    private final NotificationsProperties.ChannelTables names;
    private final Map<Channel, DynamoDbTable<SentNotification>> tables = new ConcurrentHashMap<>();

    ChannelTables(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, NotificationsProperties properties) {
        this.dynamo = dynamo;
        this.writes = writes;
        this.names = properties.channelTables();
    }

    /**
     * Records the notification in its channel's table unless one with its id is there. Check and write are one
     * conditional {@code PutItem}, so of any number of concurrent deliveries exactly one records it.
     *
     * @return false when the notification was recorded before (the write then changed nothing)
     */
    boolean recordOnce(Channel channel, SentNotification sent) {
        return writes.putIfAbsent(table(channel), sent);
    }

    /** The {@code PutItem} of {@link #recordOnce} for SnapStart priming, refused by a condition that cannot hold. */
    void recordRefused(Channel channel, SentNotification sent) {
        RefusedWrites.putItem(table(channel), sent);
    }

    private DynamoDbTable<SentNotification> table(Channel channel) {
        return tables.computeIfAbsent(channel, key -> dynamo.table(tableName(key), SCHEMA));
    }

    private String tableName(Channel channel) {
        return switch (channel) {
            case EMAIL ->
                Settings.required(names.email(), "notifications.channel-tables.email", "EMAIL_NOTIFICATIONS_TABLE");
            case SMS -> Settings.required(names.sms(), "notifications.channel-tables.sms", "SMS_NOTIFICATIONS_TABLE");
            case PUSH ->
                Settings.required(names.push(), "notifications.channel-tables.push", "PUSH_NOTIFICATIONS_TABLE");
        };
    }
}
