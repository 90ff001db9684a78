package dev.serverlesspatterns.invoicing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param tableName the invoices table, from the template's {@code INVOICES_TABLE} */
@ConfigurationProperties("invoicing")
public record InvoicingProperties(String tableName) {}
