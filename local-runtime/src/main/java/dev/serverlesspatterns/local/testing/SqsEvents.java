package dev.serverlesspatterns.local.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQS events as Lambda's event source mapping hands them to a function, built from the first record of an SQS event
 * fixture, and the partial batch response the function answers. Every SQS consumer's tests need the same few moves:
 * a message of its own, the same message delivered again, a batch of messages, the ids the function reported failed.
 */
public final class SqsEvents {

    private SqsEvents() {}

    /** The first record of the SQS event fixture {@code events/<fixture>}, as a delivery of its own. */
    public static ObjectNode message(String fixture) {
        return message(fixture, Map.of());
    }

    /** The same, with the fixture's placeholders (say {@code ORDER_ID}) replaced first, see {@link Fixtures}. */
    public static ObjectNode message(String fixture, Map<String, String> placeholders) {
        JsonNode records = Fixtures.event(fixture, placeholders).path("Records");
        if (!(records.path(0) instanceof ObjectNode first)) {
            throw new IllegalArgumentException("events/" + fixture + " holds no SQS record");
        }
        return redelivered(first);
    }

    /** The same message delivered once more: SQS gives each delivery of a sent message its own id and receipt. */
    public static ObjectNode redelivered(ObjectNode message) {
        ObjectNode copy = message.deepCopy();
        copy.put("messageId", UUID.randomUUID().toString());
        copy.put("receiptHandle", "AQEB" + UUID.randomUUID());
        return copy;
    }

    /** The message's body read as JSON, a copy a test may change and put back with {@link #withBody}. */
    public static ObjectNode body(ObjectNode message) {
        return (ObjectNode) Fixtures.JSON.readTree(message.get("body").asString());
    }

    public static ObjectNode withBody(ObjectNode message, String body) {
        message.put("body", body);
        return message;
    }

    public static ObjectNode withBody(ObjectNode message, JsonNode body) {
        return withBody(message, Fixtures.JSON.writeValueAsString(body));
    }

    /** Sets a String message attribute, such as the {@code eventType} a subscription filters on. */
    public static ObjectNode withAttribute(ObjectNode message, String name, String value) {
        ObjectNode attributes = message.get("messageAttributes") instanceof ObjectNode existing
                ? existing
                : message.putObject("messageAttributes");
        if (attributes.get(name) instanceof ObjectNode attribute) {
            attribute.put("stringValue", value);
        } else {
            attributes.putObject(name).put("stringValue", value).put("dataType", "String");
        }
        return message;
    }

    public static ObjectNode withoutAttribute(ObjectNode message, String name) {
        if (message.get("messageAttributes") instanceof ObjectNode attributes) {
            attributes.remove(name);
        }
        return message;
    }

    /** An SQS event holding these messages in this order, as one batch. */
    public static String event(ObjectNode... messages) {
        ObjectNode event = Fixtures.JSON.createObjectNode();
        event.putArray("Records").addAll(List.of(messages));
        return Fixtures.JSON.writeValueAsString(event);
    }

    /** The message ids a function reported in its {@code batchItemFailures}, in its order. */
    public static List<String> failedIds(String output) {
        JsonNode failures = Fixtures.JSON.readTree(output).get("batchItemFailures");
        if (failures == null) {
            throw new IllegalArgumentException("No batchItemFailures in the function's answer: " + output);
        }
        return failures.valueStream()
                .map(failure -> failure.get("itemIdentifier").asString())
                .toList();
    }
}
