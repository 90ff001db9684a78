package dev.serverlesspatterns.payments.intent;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a raw-delivered event message (billing's notifications, the audit service's order activity): a message
 * attribute says which event it is, and the body must match that event's shared JSON Schema, the contract the
 * publisher writes to.
 */
@Component
class EventMessageReader {

    private final JsonMapper json;
    private final EventContracts contracts;

    EventMessageReader(JsonMapper json, EventContracts contracts) {
        this.json = json;
        this.contracts = contracts;
    }

    /** @return the value of the String attribute naming the event's type, or null when the message has none */
    String typeOf(SQSMessage message, String typeAttribute) {
        MessageAttribute type = message.getMessageAttributes() == null
                ? null
                : message.getMessageAttributes().get(typeAttribute);
        return type == null ? null : type.getStringValue();
    }

    /** @throws UnreadableMessage saying what is wrong with the body */
    <T> T read(SQSMessage message, Schema schema, Class<T> type) {
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
            // The schema checks formats loosely; a value the record's type cannot hold is as unreadable.
            throw new UnreadableMessage(
                    "its body cannot be read as " + type.getSimpleName() + ": " + unconvertible.getOriginalMessage());
        }
    }
}
