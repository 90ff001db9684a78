package dev.serverlesspatterns.invoicing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param tableName the invoices table, from the template's {@code INVOICES_TABLE} */
@ConfigurationProperties("invoicing")
public record InvoicingProperties(String tableName) {

    public InvoicingProperties {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException(
                    "invoicing.table-name is empty: set INVOICES_TABLE to the invoices table");
        }
    }
}
