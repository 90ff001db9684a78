package dev.serverlesspatterns.audit.activity;

import dev.serverlesspatterns.audit.AuditProperties;
import dev.serverlesspatterns.events.audit.OrderActivity;
import dev.serverlesspatterns.platform.Settings;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The order-activity topic, private to the audit service: the message is the bus event's detail (subscribers use
 * raw delivery); its type and id travel as message attributes, the type being what subscriptions filter on.
 */
@Component
class OrderActivityTopic {

    private final SnsClient sns;
    private final String topicArn;

    OrderActivityTopic(SnsClient sns, AuditProperties properties) {
        this.sns = sns;
        this.topicArn = Settings.required(
                properties.orderActivityTopicArn(), "audit.order-activity-topic-arn", "ORDER_ACTIVITY_TOPIC");
    }

    /** Publishes one order event and returns SNS's message id. */
    String publish(String eventType, String eventId, String detail) {
        return sns.publish(publish -> publish.topicArn(topicArn)
                        .message(detail)
                        .messageAttributes(Map.of(
                                OrderActivity.EVENT_TYPE, text(eventType),
                                OrderActivity.EVENT_ID, text(eventId))))
                .messageId();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
