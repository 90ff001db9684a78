package dev.serverlesspatterns.platform.contract;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.serverlesspatterns.events.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** The JSON Schemas of shared-events, each loaded once, checking documents that claim to follow them. */
public class EventContracts {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<Schema, com.networknt.schema.Schema> schemas = new ConcurrentHashMap<>();

    /** What in the document breaks the schema, each as its location and a message; empty when it follows it. */
    public List<Violation> violations(Schema schema, JsonNode document) {
        return schemas.computeIfAbsent(schema, this::load).validate(document).stream()
                .map(error -> new Violation(error.getInstanceLocation().toString(), error.getMessage()))
                .toList();
    }

    private com.networknt.schema.Schema load(Schema schema) {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(schema.classpathLocation())) {
            if (in == null) {
                throw new IllegalStateException("Schema " + schema.classpathLocation() + " is not on the classpath");
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One way a document breaks its schema; at the root (a missing field, say) the location is empty. */
    public record Violation(String location, String message) {

        @Override
        public String toString() {
            return location.isEmpty() ? message : location + " " + message;
        }
    }
}
