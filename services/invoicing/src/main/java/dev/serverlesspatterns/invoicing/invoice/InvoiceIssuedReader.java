package dev.serverlesspatterns.invoicing.invoice;

import static dev.serverlesspatterns.events.billing.BillingNotifications.EVENT_TYPE;
import static dev.serverlesspatterns.events.billing.BillingNotifications.INVOICE_ISSUED;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.billing.InvoiceIssued;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    private final com.networknt.schema.Schema schema;

    InvoiceIssuedReader(JsonMapper json) {
        this.json = json;
        this.schema = load(Schema.INVOICE_ISSUED);
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
        List<String> violations = schema.validate(body).stream()
                .map(error -> error.getInstanceLocation() + " " + error.getMessage())
                .toList();
        if (!violations.isEmpty()) {
            throw new UnreadableMessage("its body breaks the InvoiceIssued schema: " + String.join("; ", violations));
        }
        try {
            return json.treeToValue(body, InvoiceIssued.class);
        } catch (JacksonException unconvertible) {
            // The schema does not check formats (a date-time that is no date), so the conversion may still refuse it.
            throw new UnreadableMessage(
                    "its body breaks the InvoiceIssued contract: " + unconvertible.getOriginalMessage());
        }
    }

    private static com.networknt.schema.Schema load(Schema schema) {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(schema.classpathLocation())) {
            if (in == null) {
                throw new IllegalStateException("Schema " + schema.classpathLocation() + " is not on the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
