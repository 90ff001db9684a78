package dev.serverlesspatterns.audit.activity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Checked where it is used: only the distributing function gets the topic.
 *
 * @param topicArn the order-activity topic, from the template's {@code ORDER_ACTIVITY_TOPIC}
 */
@ConfigurationProperties("audit.order-activity")
public record OrderActivityProperties(String topicArn) {}
