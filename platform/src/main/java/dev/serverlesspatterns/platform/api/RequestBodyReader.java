package dev.serverlesspatterns.platform.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request body against its shared JSON Schema before any business code sees it, so an invalid
 * request is refused with a 4xx that names each offending field and nothing is written. The service's mapper refuses
 * a key that appears twice in one object ({@code spring.jackson.read.strict-duplicate-detection}, a platform default):
 * otherwise the last one would win unseen.
 */
public class RequestBodyReader {

    private final JsonMapper json;
    private final EventContracts contracts;
    private final int maxBodyBytes;

    public RequestBodyReader(JsonMapper json, EventContracts contracts, int maxBodyBytes) {
        this.json = json;
        this.contracts = contracts;
        this.maxBodyBytes = maxBodyBytes;
    }

    public <T> T read(APIGatewayProxyRequestEvent request, Schema schema, Class<T> type) {
        requireJsonContentType(request);
        String body = decodedBody(request);
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (StreamConstraintsException tooComplex) {
            throw new ApiProblemException(ApiProblem.of(
                    400,
                    "MALFORMED_JSON",
                    "The request body nests deeper, or holds a longer number, string or name, than the API reads."));
        } catch (JacksonException malformed) {
            throw new ApiProblemException(ApiProblem.of(
                    400, "MALFORMED_JSON", "The request body is not valid JSON with each key once per object."));
        }
        List<EventContracts.Violation> violations = contracts.violations(schema, document);
        if (!violations.isEmpty()) {
            List<ApiProblem.FieldError> errors = violations.stream()
                    .map(violation -> new ApiProblem.FieldError(violation.location(), violation.message()))
                    .toList();
            throw new ApiProblemException(
                    ApiProblem.invalid("VALIDATION_FAILED", "The request body does not match its schema.", errors));
        }
        try {
            return json.treeToValue(document, type);
        } catch (JacksonException unconvertible) {
            // The schema bounds what the record can hold; should it miss a case, the caller still gets a 400.
            throw new ApiProblemException(ApiProblem.invalid(
                    "VALIDATION_FAILED",
                    "The request body does not match its schema.",
                    List.of(new ApiProblem.FieldError("", unconvertible.getOriginalMessage()))));
        }
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
}
