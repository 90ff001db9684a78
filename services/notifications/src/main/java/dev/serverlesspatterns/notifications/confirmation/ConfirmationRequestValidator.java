package dev.serverlesspatterns.notifications.confirmation;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.OrderConfirmationRequested;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a request against its shared JSON Schema, the contract the orders service writes to. Spring Cloud Function
 * has already turned the event into the record by then, so the record is checked as JSON again.
 */
@Component
class ConfirmationRequestValidator {

    private final JsonMapper json;
    private final com.networknt.schema.Schema schema;

    ConfirmationRequestValidator(JsonMapper json) {
        this.json = json;
        this.schema = load(Schema.ORDER_CONFIRMATION_REQUESTED);
    }

    /** @throws InvalidConfirmationRequest naming every violation */
    void requireValid(OrderConfirmationRequested request) {
        ObjectNode document = json.valueToTree(request);
        // A field missing from the event is null in the record; without it, the schema reports it as missing.
        List<String> absent = document.properties().stream()
                .filter(field -> field.getValue().isNull())
                .map(Map.Entry::getKey)
                .toList();
        document.remove(absent);
        List<String> violations = schema.validate(document).stream()
                .map(ConfirmationRequestValidator::describe)
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidConfirmationRequest(violations);
        }
    }

    /** The field's JSON pointer and what is wrong with it; a missing field is reported at the root, by name. */
    private static String describe(Error error) {
        String pointer = error.getInstanceLocation().toString();
        return pointer.isEmpty() ? error.getMessage() : pointer + " " + error.getMessage();
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
