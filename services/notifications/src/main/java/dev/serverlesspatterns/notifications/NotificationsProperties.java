package dev.serverlesspatterns.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tableName the notifications table, from the template's {@code NOTIFICATIONS_TABLE}
 * @param channelTables the router's tables, one per channel task
 */
@ConfigurationProperties("notifications")
public record NotificationsProperties(String tableName, ChannelTables channelTables) {

    public NotificationsProperties {
        channelTables = channelTables == null ? new ChannelTables(null, null, null) : channelTables;
    }

    /**
     * @param email from {@code EMAIL_NOTIFICATIONS_TABLE}
     * @param sms from {@code SMS_NOTIFICATIONS_TABLE}
     * @param push from {@code PUSH_NOTIFICATIONS_TABLE}
     */
    public record ChannelTables(String email, String sms, String push) {}
}
