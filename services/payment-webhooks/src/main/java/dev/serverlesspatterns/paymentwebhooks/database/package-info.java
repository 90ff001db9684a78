/**
 * The payments database: a connection pool that opens nothing before its first use, with credentials read from
 * Secrets Manager at that moment.
 */
package dev.serverlesspatterns.paymentwebhooks.database;
