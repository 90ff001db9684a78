/**
 * The invoice run (Fan-Out/Fan-In): {@link dev.serverlesspatterns.billing.invoicerun.SplitInvoiceRun} splits a run
 * file uploaded to S3 into chunk messages, {@link dev.serverlesspatterns.billing.invoicerun.BillInvoiceRunChunk} bills
 * each chunk once and the last one writes the run's aggregate to S3 exactly once; the job's progress is in DynamoDB
 * ({@link dev.serverlesspatterns.billing.invoicerun.InvoiceRunJobs}).
 */
package dev.serverlesspatterns.billing.invoicerun;
