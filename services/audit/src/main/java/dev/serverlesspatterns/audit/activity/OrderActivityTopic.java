package dev.serverlesspatterns.audit.activity;

import dev.serverlesspatterns.audit.AuditProperties;
import dev.serverlesspatterns.events.audit.OrderActivity;
import dev.serverlesspatterns.platform.Settings;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

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
        return sns.publish(request(eventType, eventId, detail).build()).messageId();
    }

    /**
     * The publish of one order event with a message structure SNS does not know (SnapStart priming): SNS refuses it as
     * an invalid parameter and delivers nothing.
     *
     * @throws IllegalStateException when SNS took it after all
     */
    void publishRefused(String eventType, String eventId, String detail) {
        try {
            sns.publish(request(eventType, eventId, detail)
                    .messageStructure("snapstart-priming")
                    .build());
        } catch (InvalidParameterException refused) {
            return;
        }
        throw new IllegalStateException("The order-activity topic took a message of an unknown structure");
    }

    private PublishRequest.Builder request(String eventType, String eventId, String detail) {
        return PublishRequest.builder()
                .topicArn(topicArn)
                .message(detail)
                .messageAttributes(
                        Map.of(OrderActivity.EVENT_TYPE, text(eventType), OrderActivity.EVENT_ID, text(eventId)));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
