package dev.serverlesspatterns.platform.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.serverlesspatterns.events.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request body against its shared JSON Schema before any business code sees it, so an invalid
 * request is refused with a 4xx that names each offending field and nothing is written.
 */
public class RequestBodyReader {

    private final JsonMapper json;
    private final int maxBodyBytes;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<Schema, com.networknt.schema.Schema> schemas = new ConcurrentHashMap<>();

    public RequestBodyReader(JsonMapper json, int maxBodyBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    public <T> T read(APIGatewayProxyRequestEvent request, Schema schema, Class<T> type) {
        requireJsonContentType(request);
        String body = decodedBody(request);
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JacksonException malformed) {
            throw new ApiProblemException(ApiProblem.of(400, "MALFORMED_JSON", "The request body is not valid JSON."));
        }
        List<Error> violations = schemaFor(schema).validate(document);
        if (!violations.isEmpty()) {
            List<ApiProblem.FieldError> errors = violations.stream()
                    .map(violation -> new ApiProblem.FieldError(
                            violation.getInstanceLocation().toString(), violation.getMessage()))
                    .toList();
            throw new ApiProblemException(
                    ApiProblem.invalid("VALIDATION_FAILED", "The request body does not match its schema.", errors));
        }
        return json.treeToValue(document, type);
    }

    private String decodedBody(APIGatewayProxyRequestEvent request) {
        String body = request.getBody();
        if (body == null || body.isBlank()) {
            throw new ApiProblemException(ApiProblem.of(400, "BODY_REQUIRED", "The request needs a JSON body."));
        }
        if (Boolean.TRUE.equals(request.getIsBase64Encoded())) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
            throw new ApiProblemException(
                    ApiProblem.of(413, "BODY_TOO_LARGE", "The request body exceeds " + maxBodyBytes + " bytes."));
        }
        return body;
    }

    private static void requireJsonContentType(APIGatewayProxyRequestEvent request) {
        String contentType = Headers.first(request.getHeaders(), "Content-Type");
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApiProblemException(ApiProblem.of(
                    415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json, not " + contentType + "."));
        }
    }

    private com.networknt.schema.Schema schemaFor(Schema schema) {
        return schemas.computeIfAbsent(schema, this::load);
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
}
