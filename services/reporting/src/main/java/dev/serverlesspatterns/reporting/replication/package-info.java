/**
 * Eventually Consistent: the orders table's stream (NEW_AND_OLD_IMAGES) replicated into the read model under a version
 * guard, deletes as tombstones, and the cached reports each change made stale evicted after it commits.
 */
package dev.serverlesspatterns.reporting.replication;
