package dev.serverlesspatterns.payments;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param intentsTableName the payment intents table, from the template's {@code PAYMENT_INTENTS_TABLE}
 * @param ordersTableName the table of what payments knows per order, from the template's {@code PAYMENT_ORDERS_TABLE}
 */
@ConfigurationProperties("payments")
public record PaymentsProperties(String intentsTableName, String ordersTableName) {

    public PaymentsProperties {
        if (intentsTableName == null || intentsTableName.isBlank()) {
            throw new IllegalArgumentException(
                    "payments.intents-table-name is empty: set PAYMENT_INTENTS_TABLE to the payment intents table");
        }
        if (ordersTableName == null || ordersTableName.isBlank()) {
            throw new IllegalArgumentException(
                    "payments.orders-table-name is empty: set PAYMENT_ORDERS_TABLE to the payment orders table");
        }
    }
}
