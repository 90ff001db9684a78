package dev.serverlesspatterns.local.gateway;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.serverlesspatterns.local.template.OpenApiDefinition;
import dev.serverlesspatterns.local.template.OpenApiDefinition.Operation;
import dev.serverlesspatterns.local.template.OpenApiDefinition.Parameter;
import dev.serverlesspatterns.local.template.OpenApiDefinition.RequestValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway's basic request validation for one method, as its request validator asks: required parameters
 * present and non-blank, and the body matching the model of its content type. Models are JSON Schema draft 4, as on
 * API Gateway; a content type without a model is not validated. The gateway runs it after the authorizer.
 */
final class RequestValidation {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final SchemaRegistry MODELS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final String COMPONENT = "#/components/schemas/";

    private final List<Parameter> requiredParameters;
    private final Map<String, Schema> bodyModels;

    private RequestValidation(List<Parameter> requiredParameters, Map<String, Schema> bodyModels) {
        this.requiredParameters = requiredParameters;
        this.bodyModels = bodyModels;
    }

    /** The validation an operation's request validator turns on, if it turns any on. */
    static Optional<RequestValidation> of(OpenApiDefinition definition, Operation operation) {
        Optional<RequestValidator> validator = operation.requestValidator();
        if (validator.isEmpty()) {
            return Optional.empty();
        }
        List<Parameter> parameters =
                validator.get().validateRequestParameters() ? operation.requiredParameters() : List.of();
        Map<String, Schema> models = new LinkedHashMap<>();
        if (validator.get().validateRequestBody()) {
            operation
                    .bodySchemas()
                    .forEach((contentType, schema) -> models.put(contentType, model(schema, definition.schemas())));
        }
        return parameters.isEmpty() && models.isEmpty()
                ? Optional.empty()
                : Optional.of(new RequestValidation(parameters, models));
    }

    /** Refuses the request with BAD_REQUEST_PARAMETERS or BAD_REQUEST_BODY when it fails validation. */
    void validate(GatewayRequest request) {
        List<String> missing = requiredParameters.stream()
                .filter(parameter -> {
                    String value = value(request, parameter);
                    return value == null || value.isBlank();
                })
                .map(Parameter::name)
                .toList();
        if (!missing.isEmpty()) {
            throw new GatewayRefusal(
                    "BAD_REQUEST_PARAMETERS",
                    "Missing required request parameters: [" + String.join(", ", missing) + "]",
                    null);
        }
        Schema model = bodyModels.getOrDefault(request.mediaType(), bodyModels.get("$default"));
        if (model == null) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body().length == 0 ? "{}" : request.bodyText());
        } catch (JacksonException malformed) {
            throw new GatewayRefusal(
                    "BAD_REQUEST_BODY", "Invalid request body", "[" + malformed.getOriginalMessage() + "]");
        }
        List<com.networknt.schema.Error> violations = model.validate(body);
        if (!violations.isEmpty()) {
            throw new GatewayRefusal("BAD_REQUEST_BODY", "Invalid request body", SchemaViolations.describe(violations));
        }
    }

    private static String value(GatewayRequest request, Parameter parameter) {
        return switch (parameter.in()) {
            case "header" -> request.header(parameter.name());
            case "query" -> request.queryParameter(parameter.name());
            case "path" -> request.pathParameters().get(parameter.name());
            default ->
                throw new UnsupportedOperationException(
                        "Parameters in " + parameter.in() + " are not validated locally");
        };
    }

    /**
     * The OpenAPI schema as a standalone draft 4 document: the components it may reference become its
     * {@code definitions}, as API Gateway turns them into models of the API.
     */
    private static Schema model(Object schema, Map<String, Object> components) {
        JsonNode declared = JSON.valueToTree(schema);
        String ref = declared.path("$ref").asString("");
        if (ref.startsWith(COMPONENT)) {
            Object component = components.get(ref.substring(COMPONENT.length()));
            if (component == null) {
                throw new IllegalStateException("The request body references missing schema " + ref);
            }
            declared = JSON.valueToTree(component);
        }
        ObjectNode root = (ObjectNode) withDefinitionRefs(declared);
        ObjectNode definitions =
                root.has("definitions") ? (ObjectNode) root.get("definitions") : root.putObject("definitions");
        components.forEach((name, component) -> definitions.set(name, withDefinitionRefs(JSON.valueToTree(component))));
        return MODELS.getSchema(root);
    }

    private static JsonNode withDefinitionRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.properties().forEach(property -> {
                JsonNode value = property.getValue();
                if (property.getKey().equals("$ref")
                        && value.isString()
                        && value.asString().startsWith(COMPONENT)) {
                    copy.put("$ref", "#/definitions/" + value.asString().substring(COMPONENT.length()));
                } else {
                    copy.set(property.getKey(), withDefinitionRefs(value));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(withDefinitionRefs(element)));
            return copy;
        }
        return node;
    }
}
