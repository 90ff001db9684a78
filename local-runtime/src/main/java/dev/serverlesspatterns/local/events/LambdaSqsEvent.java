package dev.serverlesspatterns.local.events;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code SQSEvent} Lambda hands a function for a batch of received messages: the same field names and
 * casing as an event captured on AWS ({@code eventSourceARN}, lower-camel message attribute fields, system
 * attributes as strings).
 */
final class LambdaSqsEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LambdaSqsEvent() {}

    static byte[] of(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            messageAttributes(record.putObject("messageAttributes"), message.messageAttributes());
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return JSON.writeValueAsBytes(event);
    }

    private static void messageAttributes(ObjectNode target, Map<String, MessageAttributeValue> attributes) {
        attributes.forEach((name, value) -> {
            ObjectNode attribute = target.putObject(name);
            if (value.stringValue() != null) {
                attribute.put("stringValue", value.stringValue());
            }
            if (value.binaryValue() != null) {
                attribute.put("binaryValue", value.binaryValue().asByteArray());
            }
            ArrayNode strings = attribute.putArray("stringListValues");
            value.stringListValues().forEach(strings::add);
            ArrayNode binaries = attribute.putArray("binaryListValues");
            value.binaryListValues().stream().map(SdkBytes::asByteArray).forEach(binaries::add);
            attribute.put("dataType", value.dataType());
        });
    }
}
