/**
 * Read-Heavy Reporting Engine: report endpoints that read cache-aside through Redis in front of the read model, and
 * the cache keys the replication evicts when an order changes.
 */
package dev.serverlesspatterns.reporting.report;
