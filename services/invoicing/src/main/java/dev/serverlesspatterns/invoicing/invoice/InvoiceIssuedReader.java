package dev.serverlesspatterns.invoicing.invoice;

import static dev.serverlesspatterns.events.billing.BillingNotifications.EVENT_TYPE;
import static dev.serverlesspatterns.events.billing.BillingNotifications.INVOICE_ISSUED;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.billing.InvoiceIssued;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an {@code InvoiceIssued} from a raw-delivered billing notification: the {@code eventType} message attribute
 * must name it and the body must match its shared JSON Schema, the contract billing publishes to.
 */
@Component
class InvoiceIssuedReader {

    private final JsonMapper json;
    private final EventContracts contracts;

    InvoiceIssuedReader(JsonMapper json, EventContracts contracts) {
        this.json = json;
        this.contracts = contracts;
    }

    /** @throws UnreadableMessage saying what is wrong with it */
    InvoiceIssued read(SQSMessage message) {
        MessageAttribute type = message.getMessageAttributes() == null
                ? null
                : message.getMessageAttributes().get(EVENT_TYPE);
        if (type == null || !INVOICE_ISSUED.equals(type.getStringValue())) {
            throw new UnreadableMessage("its " + EVENT_TYPE + " attribute is "
                    + (type == null ? "missing" : "'" + type.getStringValue() + "'") + ", not " + INVOICE_ISSUED);
        }
        JsonNode body;
        try {
            body = json.readTree(message.getBody());
        } catch (JacksonException malformed) {
            throw new UnreadableMessage("its body is not JSON");
        }
        List<EventContracts.Violation> violations = contracts.violations(Schema.INVOICE_ISSUED, body);
        if (!violations.isEmpty()) {
            throw new UnreadableMessage("its body breaks the InvoiceIssued schema: " + violations);
        }
        try {
            return json.treeToValue(body, InvoiceIssued.class);
        } catch (JacksonException unconvertible) {
            // The schema does not check formats (a date-time that is no date), so the conversion may still refuse it.
            throw new UnreadableMessage(
                    "its body breaks the InvoiceIssued contract: " + unconvertible.getOriginalMessage());
        }
    }
}
