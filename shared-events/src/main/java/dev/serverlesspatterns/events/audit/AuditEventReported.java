package dev.serverlesspatterns.events.audit;

import java.util.Map;

/**
 * Something happened to an entity of the shop and a service reported it to the audit service
 * ({@code POST /audit/events}). The audit service publishes it unchanged to its topic, with {@code entity} and, when
 * present, {@code status} as message attributes, so subscribers filter on them without reading the body.
 * {@link dev.serverlesspatterns.events.Schema#AUDIT_EVENT_REPORTED} is its wire contract.
 *
 * @param entity the kind of entity, e.g. {@code order}
 * @param entityId which one
 * @param status its new status, if the event changed one; {@code null} for events without a status
 * @param detail what else the reporter wants on record, free-form
 */
public record AuditEventReported(String entity, String entityId, String status, Map<String, Object> detail) {}
