package dev.serverlesspatterns.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tableName the billing table, from the template's {@code BILLING_TABLE}
 * @param notificationsTopicArn the billing-notifications topic, from the template's {@code BILLING_NOTIFICATIONS_TOPIC}
 * @param invoiceRun the invoice run's resources (Fan-Out/Fan-In)
 */
@ConfigurationProperties("billing")
public record BillingProperties(String tableName, String notificationsTopicArn, InvoiceRun invoiceRun) {

    /**
     * @param tableName the job and chunk items, from {@code INVOICE_RUN_TABLE}
     * @param bucket run files under {@code runs/}, results under {@code results/}, from {@code INVOICE_RUN_BUCKET}
     * @param chunkQueueUrl the workers' queue, from {@code INVOICE_RUN_CHUNK_QUEUE}
     * @param chunkSize lines of a run file per chunk, from {@code INVOICE_RUN_CHUNK_SIZE}
     */
    public record InvoiceRun(String tableName, String bucket, String chunkQueueUrl, int chunkSize) {}
}
