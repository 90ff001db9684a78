package dev.serverlesspatterns.payments;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param tableName the payment intents table, from the template's {@code PAYMENT_INTENTS_TABLE} */
@ConfigurationProperties("payments")
public record PaymentsProperties(String tableName) {

    public PaymentsProperties {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException(
                    "payments.table-name is empty: set PAYMENT_INTENTS_TABLE to the payment intents table");
        }
    }
}
