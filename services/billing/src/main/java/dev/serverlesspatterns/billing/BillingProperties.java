package dev.serverlesspatterns.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tableName the billing table, from the template's {@code BILLING_TABLE}
 * @param notificationsTopicArn the billing-notifications topic, from the template's {@code BILLING_NOTIFICATIONS_TOPIC}
 */
@ConfigurationProperties("billing")
public record BillingProperties(String tableName, String notificationsTopicArn) {

    public BillingProperties {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("billing.table-name is empty: set BILLING_TABLE to the billing table");
        }
        if (notificationsTopicArn == null || notificationsTopicArn.isBlank()) {
            throw new IllegalArgumentException("billing.notifications-topic-arn is empty: set"
                    + " BILLING_NOTIFICATIONS_TOPIC to the billing-notifications topic");
        }
    }
}
