package dev.serverlesspatterns.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit service, fed from the template's environment variables. Each function gets only the variables
 * it needs, so a value may be empty here; the bean that needs it checks it with
 * {@link dev.serverlesspatterns.platform.Settings#required}.
 *
 * @param eventsTopicArn the audit events topic, from the template's {@code AUDIT_EVENTS_TOPIC}
 * @param orderActivityTopicArn the order-activity topic, from the template's {@code ORDER_ACTIVITY_TOPIC}
 */
@ConfigurationProperties("audit")
public record AuditProperties(String eventsTopicArn, String orderActivityTopicArn) {}
