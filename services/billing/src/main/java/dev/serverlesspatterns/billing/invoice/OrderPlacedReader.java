package dev.serverlesspatterns.billing.invoice;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.audit.OrderActivity;
import dev.serverlesspatterns.events.orders.OrderEvents;
import dev.serverlesspatterns.events.orders.OrderPlaced;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads an {@code OrderPlaced} from an order-activity message, checking its type attribute and its schema. */
@Component
class OrderPlacedReader {

    private final JsonMapper json;
    private final EventContracts contracts;

    OrderPlacedReader(JsonMapper json, EventContracts contracts) {
        this.json = json;
        this.contracts = contracts;
    }

    /** @throws UnreadableMessage saying what is wrong with it */
    OrderPlaced read(SQSMessage message) {
        MessageAttribute type = message.getMessageAttributes() == null
                ? null
                : message.getMessageAttributes().get(OrderActivity.EVENT_TYPE);
        if (type == null || !OrderEvents.ORDER_PLACED.equals(type.getStringValue())) {
            throw new UnreadableMessage("its " + OrderActivity.EVENT_TYPE + " attribute is "
                    + (type == null ? "missing" : "'" + type.getStringValue() + "'") + ", not "
                    + OrderEvents.ORDER_PLACED);
        }
        JsonNode body;
        try {
            body = json.readTree(message.getBody());
        } catch (JacksonException malformed) {
            throw new UnreadableMessage("its body is not JSON");
        }
        List<EventContracts.Violation> violations = contracts.violations(Schema.ORDER_PLACED, body);
        if (!violations.isEmpty()) {
            throw new UnreadableMessage("its body breaks the OrderPlaced schema: " + violations);
        }
        try {
            return json.treeToValue(body, OrderPlaced.class);
        } catch (JacksonException unconvertible) {
            // The schema does not check formats (a date-time that is no date), so the conversion may still refuse it.
            throw new UnreadableMessage(
                    "its body breaks the OrderPlaced contract: " + unconvertible.getOriginalMessage());
        }
    }
}
