/**
 * Scalable Webhook, Frugal Consumer and FIFOer: signed payment webhooks go from API Gateway straight to SQS
 * ({@code signature} checks them first), a consumer capped at two concurrent invocations records each once in Postgres
 * ({@code webhook}) and feeds a per-account FIFO ledger applied in order ({@code ledger}).
 */
package dev.serverlesspatterns.paymentwebhooks;
