package dev.serverlesspatterns.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param tableName the notifications table, from the template's {@code NOTIFICATIONS_TABLE} */
@ConfigurationProperties("notifications")
public record NotificationsProperties(String tableName) {}
