package dev.serverlesspatterns.local.events;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code SNSEvent} Lambda hands a subscribed function, built from the notification SNS delivered to an SQS
 * queue (raw delivery off). The notification and the Lambda record differ in casing ({@code SigningCertURL}
 * becomes {@code SigningCertUrl}) and Lambda always writes {@code Subject} and {@code MessageAttributes}.
 */
final class LambdaSnsEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> COPIED_FIELDS = List.of(
            "Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature");

    private LambdaSnsEvent() {}

    static byte[] of(String notification, String subscriptionArn) {
        JsonNode envelope = JSON.readTree(notification);
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscriptionArn);
        ObjectNode sns = record.putObject("Sns");
        for (String field : COPIED_FIELDS) {
            sns.put(field, envelope.path(field).stringValue(null));
        }
        sns.put("SigningCertUrl", envelope.path("SigningCertURL").stringValue(null));
        sns.put("UnsubscribeUrl", envelope.path("UnsubscribeURL").stringValue(null));
        ObjectNode attributes = sns.putObject("MessageAttributes");
        envelope.path("MessageAttributes")
                .properties()
                .forEach(attribute -> attributes
                        .putObject(attribute.getKey())
                        .put("Type", attribute.getValue().path("Type").asString())
                        .put("Value", attribute.getValue().path("Value").asString()));
        return JSON.writeValueAsBytes(event);
    }
}
