package dev.serverlesspatterns.platform.messaging;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a shared event from a raw-delivered SQS message: a String message attribute names the event's type, and the
 * body must match that event's shared JSON Schema, the contract its publisher writes to. A message that does not is
 * refused with an {@link UnreadableMessage} saying why.
 */
public class EventMessageReader {

    private final JsonMapper json;
    private final EventContracts contracts;

    public EventMessageReader(JsonMapper json, EventContracts contracts) {
        this.json = json;
        this.contracts = contracts;
    }

    /**
     * The event of the message, whose {@code typeAttribute} must be {@code expectedType}.
     *
     * @throws UnreadableMessage saying what is wrong with the message
     */
    public <T> T read(SQSMessage message, String typeAttribute, String expectedType, Schema schema, Class<T> type) {
        String actualType = typeOf(message, typeAttribute);
        if (!expectedType.equals(actualType)) {
            throw UnreadableMessage.unexpectedType(typeAttribute, actualType, expectedType);
        }
        return readBody(message, schema, type);
    }

    /** @return the value of the String attribute naming the event's type, or null when the message has none */
    public String typeOf(SQSMessage message, String typeAttribute) {
        MessageAttribute type = message.getMessageAttributes() == null
                ? null
                : message.getMessageAttributes().get(typeAttribute);
        return type == null ? null : type.getStringValue();
    }

    /**
     * The event in the message's body, for a consumer that has checked the type attribute itself (one that reads
     * several types, say).
     *
     * @throws UnreadableMessage saying what is wrong with the body
     */
    public <T> T readBody(SQSMessage message, Schema schema, Class<T> type) {
        JsonNode body;
        try {
            body = json.readTree(message.getBody());
        } catch (JacksonException malformed) {
            throw new UnreadableMessage("its body is not JSON");
        }
        List<EventContracts.Violation> violations = contracts.violations(schema, body);
        if (!violations.isEmpty()) {
            throw new UnreadableMessage("its body breaks the " + type.getSimpleName() + " schema: " + violations);
        }
        try {
            return json.treeToValue(body, type);
        } catch (JacksonException unconvertible) {
            // The schema does not check formats (a date-time that is no date), so the conversion may still refuse it.
            throw new UnreadableMessage(
                    "its body cannot be read as " + type.getSimpleName() + ": " + unconvertible.getOriginalMessage());
        }
    }
}
