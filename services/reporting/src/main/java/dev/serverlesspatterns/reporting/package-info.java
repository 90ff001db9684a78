/**
 * Read-Heavy Reporting Engine and Eventually Consistent: the orders table's stream is replicated into a Postgres read
 * model ({@code replication}), whose reports are read cache-aside through Redis ({@code report}).
 */
package dev.serverlesspatterns.reporting;
