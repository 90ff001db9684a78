/**
 * The Distributed Trigger: each order event of the orders bus triggers
 * {@link dev.serverlesspatterns.audit.activity.DistributeOrderActivity}, which republishes it on the audit
 * service's own order-activity topic; every consuming service owns a queue subscribed to that topic.
 */
package dev.serverlesspatterns.audit.activity;
