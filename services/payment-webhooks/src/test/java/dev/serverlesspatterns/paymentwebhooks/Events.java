package dev.serverlesspatterns.paymentwebhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** AWS event fixtures under {@code src/test/resources/events/}, read as trees a test may change before invoking. */
public final class Events {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {}

    public static ObjectNode load(String name) {
        try (InputStream in = Events.class.getClassLoader().getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture events/" + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first record of an SQS event fixture, to build messages of one's own from. */
    public static ObjectNode firstRecord(String name) {
        return (ObjectNode) load(name).get("Records").get(0);
    }

    /** An SQS event holding these messages, in this order. */
    public static String sqsEvent(ObjectNode... messages) {
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").addAll(List.of(messages));
        return JSON.writeValueAsString(event);
    }

    /** The message ids the function reported in {@code batchItemFailures}, in its order. */
    public static List<String> failedIds(String output) {
        JsonNode failures = JSON.readTree(output).get("batchItemFailures");
        return failures.valueStream()
                .map(failure -> failure.get("itemIdentifier").asString())
                .collect(Collectors.toList());
    }
}
