/**
 * FIFOer: each account's ledger entries travel in their own FIFO message group and
 * {@link dev.serverlesspatterns.paymentwebhooks.ledger.ApplyLedgerEntries} applies them once each, strictly in order.
 */
package dev.serverlesspatterns.paymentwebhooks.ledger;
