/**
 * Audit events: {@link dev.serverlesspatterns.audit.event.PublishAuditEvent} validates a reported event and publishes
 * it through {@link dev.serverlesspatterns.audit.event.AuditEventsTopic}, whose message attributes the subscriptions'
 * filter policies match.
 */
package dev.serverlesspatterns.audit.event;
