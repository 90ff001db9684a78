/**
 * The invoice view: {@link dev.serverlesspatterns.invoicing.invoice.RecordInvoice} reads each {@code InvoiceIssued}
 * from the invoicing queue and records it once, reporting the messages it cannot read as batch item failures.
 */
package dev.serverlesspatterns.invoicing.invoice;
