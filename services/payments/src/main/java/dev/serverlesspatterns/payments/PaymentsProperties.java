package dev.serverlesspatterns.payments;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param intentsTableName the payment intents table, from the template's {@code PAYMENT_INTENTS_TABLE}
 * @param ordersTableName the table of what payments knows per order, from the template's {@code PAYMENT_ORDERS_TABLE}
 */
@ConfigurationProperties("payments")
public record PaymentsProperties(String intentsTableName, String ordersTableName) {}
