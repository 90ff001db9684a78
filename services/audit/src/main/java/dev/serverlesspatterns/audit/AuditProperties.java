package dev.serverlesspatterns.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param topicArn the audit events topic, from the template's {@code AUDIT_EVENTS_TOPIC} */
@ConfigurationProperties("audit")
public record AuditProperties(String topicArn) {

    public AuditProperties {
        if (topicArn == null || topicArn.isBlank()) {
            throw new IllegalArgumentException(
                    "audit.topic-arn is empty: set AUDIT_EVENTS_TOPIC to the audit events topic's ARN");
        }
    }
}
