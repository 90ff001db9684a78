package dev.serverlesspatterns.notifications.cancellation;

import static dev.serverlesspatterns.events.audit.OrderActivity.EVENT_TYPE;
import static dev.serverlesspatterns.events.orders.OrderEvents.ORDER_CANCELLED;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.OrderCancelled;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an {@code OrderCancelled} from a raw-delivered order-activity message: the {@code eventType} message attribute
 * must name it and the body must match its shared JSON Schema, the contract the orders service publishes to.
 */
@Component
class OrderCancelledReader {

    private final JsonMapper json;
    private final EventContracts contracts;

    OrderCancelledReader(JsonMapper json, EventContracts contracts) {
        this.json = json;
        this.contracts = contracts;
    }

    /** @throws UnreadableMessage saying what is wrong with the message */
    OrderCancelled read(SQSMessage message) {
        String type = typeOf(message);
        if (!ORDER_CANCELLED.equals(type)) {
            throw new UnreadableMessage("its " + EVENT_TYPE + " attribute is "
                    + (type == null ? "missing" : "'" + type + "'") + ", not " + ORDER_CANCELLED);
        }
        JsonNode body;
        try {
            body = json.readTree(message.getBody());
        } catch (JacksonException malformed) {
            throw new UnreadableMessage("its body is not JSON");
        }
        List<EventContracts.Violation> violations = contracts.violations(Schema.ORDER_CANCELLED, body);
        if (!violations.isEmpty()) {
            throw new UnreadableMessage("its body breaks the OrderCancelled schema: " + violations);
        }
        try {
            return json.treeToValue(body, OrderCancelled.class);
        } catch (JacksonException unconvertible) {
            // The schema checks formats loosely; a value the record's type cannot hold is as unreadable.
            throw new UnreadableMessage(
                    "its body cannot be read as OrderCancelled: " + unconvertible.getOriginalMessage());
        }
    }

    private static String typeOf(SQSMessage message) {
        MessageAttribute type = message.getMessageAttributes() == null
                ? null
                : message.getMessageAttributes().get(EVENT_TYPE);
        return type == null ? null : type.getStringValue();
    }
}
