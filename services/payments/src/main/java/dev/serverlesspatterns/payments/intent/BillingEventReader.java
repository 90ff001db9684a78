package dev.serverlesspatterns.payments.intent;

import static dev.serverlesspatterns.events.billing.BillingNotifications.EVENT_TYPE;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.serverlesspatterns.events.Schema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a raw-delivered billing notification: its {@code eventType} message attribute says which event it is, and
 * its body must match that event's shared JSON Schema, the contract billing publishes to.
 */
@Component
class BillingEventReader {

    private final JsonMapper json;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<Schema, com.networknt.schema.Schema> schemas = new ConcurrentHashMap<>();

    BillingEventReader(JsonMapper json) {
        this.json = json;
    }

    /** @return the {@code eventType} attribute, or null when the message has none */
    String typeOf(SQSMessage message) {
        MessageAttribute type = message.getMessageAttributes() == null
                ? null
                : message.getMessageAttributes().get(EVENT_TYPE);
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
        List<String> violations = schemas.computeIfAbsent(schema, this::load).validate(body).stream()
                .map(error -> error.getInstanceLocation() + " " + error.getMessage())
                .toList();
        if (!violations.isEmpty()) {
            throw new UnreadableMessage(
                    "its body breaks the " + type.getSimpleName() + " schema: " + String.join("; ", violations));
        }
        return json.treeToValue(body, type);
    }

    private com.networknt.schema.Schema load(Schema schema) {
        return registry.getSchema(SchemaLocation.of("classpath:" + schema.classpathLocation()));
    }
}
