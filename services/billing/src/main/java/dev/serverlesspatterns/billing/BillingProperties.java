package dev.serverlesspatterns.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tableName the billing table, from the template's {@code BILLING_TABLE}
 * @param notificationsTopicArn the billing-notifications topic, from the template's {@code BILLING_NOTIFICATIONS_TOPIC}
 */
@ConfigurationProperties("billing")
public record BillingProperties(String tableName, String notificationsTopicArn) {}
