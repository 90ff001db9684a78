package dev.serverlesspatterns.audit.event;

import dev.serverlesspatterns.audit.AuditProperties;
import dev.serverlesspatterns.events.audit.AuditEventReported;
import dev.serverlesspatterns.platform.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit events topic. The message is the event itself (subscribers use raw delivery, so their queues hold exactly
 * this JSON); {@code entity} and {@code status} travel as message attributes because subscription filter policies
 * (scope {@code MessageAttributes}) match those. An event without a status carries no {@code status} attribute at all,
 * never an empty one: SNS rejects empty attribute values, and a missing attribute is what no status-based filter
 * policy, not even an {@code anything-but}, matches.
 */
@Component
class AuditEventsTopic {

    static final String ENTITY_ATTRIBUTE = "entity";
    static final String STATUS_ATTRIBUTE = "status";

    private final SnsClient sns;
    private final JsonMapper json;
    private final String topicArn;

    AuditEventsTopic(SnsClient sns, JsonMapper json, AuditProperties properties) {
        this.sns = sns;
        this.json = json;
        this.topicArn = Settings.required(properties.eventsTopicArn(), "audit.events-topic-arn", "AUDIT_EVENTS_TOPIC");
    }

    /** Publishes the event and returns SNS's message id. */
    String publish(AuditEventReported event) {
        return sns.publish(request(event).build()).messageId();
    }

    /**
     * The publish of the event with a message structure SNS does not know (SnapStart priming): SNS refuses it as an
     * invalid parameter and delivers nothing.
     *
     * @throws IllegalStateException when SNS took it after all
     */
    void publishRefused(AuditEventReported event) {
        try {
            sns.publish(request(event).messageStructure("snapstart-priming").build());
        } catch (InvalidParameterException refused) {
            return;
        }
        throw new IllegalStateException("The audit events topic took a message of an unknown structure");
    }

    private PublishRequest.Builder request(AuditEventReported event) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(ENTITY_ATTRIBUTE, text(event.entity()));
        if (event.status() != null) {
            attributes.put(STATUS_ATTRIBUTE, text(event.status()));
        }
        return PublishRequest.builder()
                .topicArn(topicArn)
                .message(json.writeValueAsString(message(event)))
                .messageAttributes(attributes);
    }

    /** The event as its schema writes it: a field without a value is left out, not sent as {@code null}. */
    private static Map<String, Object> message(AuditEventReported event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("entity", event.entity());
        message.put("entityId", event.entityId());
        if (event.status() != null) {
            message.put("status", event.status());
        }
        message.put("detail", event.detail());
        return message;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
