package dev.serverlesspatterns.local.template;

import dev.serverlesspatterns.local.template.RestApiDefinition.GatewayResponse;
import dev.serverlesspatterns.local.template.RestApiDefinition.TokenAuthorizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An API's inline OpenAPI {@code DefinitionBody}, read the way API Gateway imports it: each operation with its
 * {@code x-amazon-apigateway-integration}, Lambda authorizer (from the security schemes), request validator and body
 * models, and the API's {@code x-amazon-apigateway-gateway-responses}. Intrinsics stay unresolved until the gateway
 * starts, because they name resources that exist only once the stack is provisioned.
 */
public final class OpenApiDefinition {

    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final String VALIDATOR = "x-amazon-apigateway-request-validator";
    private static final String HEADER_PARAMETER = "gatewayresponse.header.";

    private final String apiLogicalId;
    private final Map<String, Object> document;

    OpenApiDefinition(String apiLogicalId, Map<String, Object> document) {
        this.apiLogicalId = apiLogicalId;
        this.document = document;
    }

    /** Every operation of {@code paths}; {@code x-amazon-apigateway-any-method} becomes method {@code ANY}. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        map(document.get("paths")).forEach((path, item) -> {
            Map<String, Object> pathItem = map(item);
            pathItem.forEach((key, definition) -> {
                String method = key.equals(ANY_METHOD) ? "ANY" : key.toLowerCase();
                if (method.equals("ANY") || METHODS.contains(method)) {
                    operations.add(operation(method.toUpperCase(), path, pathItem, map(definition)));
                }
            });
        });
        return operations;
    }

    /** The document's {@code components/schemas}: the models request bodies are validated against. */
    public Map<String, Object> schemas() {
        return map(components().get("schemas"));
    }

    /** The Lambda authorizer an operation's security requirement names, if any. */
    public Optional<LambdaAuthorizer> authorizerFor(Operation operation, Intrinsics intrinsics) {
        for (String name : operation.security()) {
            Map<String, Object> scheme = map(securitySchemes().get(name));
            if (scheme.isEmpty()) {
                throw new IllegalStateException(where(operation) + " requires security scheme " + name
                        + ", which the definition does not declare");
            }
            Map<String, Object> authorizer = map(scheme.get("x-amazon-apigateway-authorizer"));
            if (authorizer.isEmpty()) {
                throw new UnsupportedOperationException(where(operation) + " requires security scheme " + name
                        + ", which is no Lambda authorizer: the local runtime runs Lambda authorizers only");
            }
            return Optional.of(lambdaAuthorizer(name, scheme, authorizer, intrinsics));
        }
        return Optional.empty();
    }

    /** {@code x-amazon-apigateway-gateway-responses} by response type. */
    Map<String, GatewayResponse> gatewayResponses() {
        Map<String, GatewayResponse> responses = new LinkedHashMap<>();
        map(document.get("x-amazon-apigateway-gateway-responses")).forEach((type, value) -> {
            Map<String, Object> response = map(value);
            Object status = response.get("statusCode");
            Object body = map(response.get("responseTemplates")).get("application/json");
            Map<String, String> headers = new LinkedHashMap<>();
            texts(map(response.get("responseParameters"))).forEach((parameter, source) -> {
                if (parameter.startsWith(HEADER_PARAMETER)) {
                    headers.put(parameter.substring(HEADER_PARAMETER.length()), staticValue(source, type));
                }
            });
            responses.put(
                    type,
                    new GatewayResponse(
                            status == null ? null : Integer.valueOf(String.valueOf(status)),
                            body == null ? null : String.valueOf(body),
                            headers));
        });
        return responses;
    }

    /** The text of a static mapping value ({@code 'text'}); mappings from request values are not served locally. */
    public static String staticValue(String source, String usedBy) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return source.substring(1, source.length() - 1);
        }
        throw new UnsupportedOperationException(
                usedBy + " maps " + source + "; the local runtime supports static values ('text') there only");
    }

    private Operation operation(String method, String path, Map<String, Object> pathItem, Map<String, Object> op) {
        Object security = op.containsKey("security") ? op.get("security") : document.get("security");
        List<String> schemes = security instanceof List<?> requirements && !requirements.isEmpty()
                ? List.copyOf(map(requirements.getFirst()).keySet())
                : List.of();
        Object validatorName = op.containsKey(VALIDATOR) ? op.get(VALIDATOR) : document.get(VALIDATOR);
        Optional<RequestValidator> validator =
                Optional.ofNullable(validatorName).map(name -> validator(String.valueOf(name), method, path));
        List<Parameter> required = Stream.concat(
                        list(pathItem.get("parameters")).stream(), list(op.get("parameters")).stream())
                .map(parameter -> resolved(parameter, "parameters"))
                .filter(definition -> Boolean.TRUE.equals(definition.get("required")))
                .map(definition ->
                        new Parameter(String.valueOf(definition.get("in")), String.valueOf(definition.get("name"))))
                .toList();
        Map<String, Object> bodySchemas = new LinkedHashMap<>();
        map(resolved(op.get("requestBody"), "requestBodies").get("content")).forEach((contentType, media) -> {
            Object schema = map(media).get("schema");
            if (schema != null) {
                bodySchemas.put(contentType.toLowerCase(), schema);
            }
        });
        Map<String, Object> integration = map(op.get("x-amazon-apigateway-integration"));
        if (integration.isEmpty()) {
            throw new IllegalStateException(
                    apiLogicalId + " " + method + " " + path + " has no x-amazon-apigateway-integration");
        }
        return new Operation(method, path, schemes, validator, required, bodySchemas, integration(integration));
    }

    private RequestValidator validator(String name, String method, String path) {
        Map<String, Object> validator =
                map(map(document.get("x-amazon-apigateway-request-validators")).get(name));
        if (validator.isEmpty()) {
            throw new IllegalStateException(apiLogicalId + " " + method + " " + path + " names request validator "
                    + name + ", which x-amazon-apigateway-request-validators does not declare");
        }
        return new RequestValidator(
                name,
                Boolean.TRUE.equals(validator.get("validateRequestBody")),
                Boolean.TRUE.equals(validator.get("validateRequestParameters")));
    }

    private static Integration integration(Map<String, Object> definition) {
        List<IntegrationResponse> selected = new ArrayList<>();
        List<IntegrationResponse> fallback = new ArrayList<>();
        map(definition.get("responses")).forEach((pattern, value) -> {
            Map<String, Object> response = map(value);
            IntegrationResponse mapped = new IntegrationResponse(
                    pattern.equals("default") ? null : pattern,
                    Integer.parseInt(String.valueOf(response.get("statusCode"))),
                    texts(map(response.get("responseTemplates"))),
                    texts(map(response.get("responseParameters"))));
            (mapped.selectionPattern() == null ? fallback : selected).add(mapped);
        });
        selected.addAll(fallback);
        Object timeout = definition.get("timeoutInMillis");
        return new Integration(
                String.valueOf(definition.get("type")).toLowerCase(),
                String.valueOf(definition.getOrDefault("httpMethod", "POST")).toUpperCase(),
                definition.get("uri"),
                String.valueOf(definition.getOrDefault("passthroughBehavior", "when_no_match"))
                        .toLowerCase(),
                texts(map(definition.get("requestParameters"))),
                map(definition.get("requestTemplates")),
                List.copyOf(selected),
                timeout == null ? 29_000 : Integer.parseInt(String.valueOf(timeout)));
    }

    private LambdaAuthorizer lambdaAuthorizer(
            String name, Map<String, Object> scheme, Map<String, Object> authorizer, Intrinsics intrinsics) {
        String function = intrinsics.referencedFunction(authorizer.get("authorizerUri"));
        Object ttl = authorizer.get("authorizerResultTtlInSeconds");
        int ttlSeconds = ttl == null ? 300 : Integer.parseInt(intrinsics.resolveString(ttl));
        Object source = authorizer.get("identitySource");
        String identitySource = source == null ? null : intrinsics.resolveString(source);
        String type = String.valueOf(authorizer.getOrDefault("type", "token")).toLowerCase();
        return switch (type) {
            case "request" ->
                new RequestAuthorizer(
                        name, function, RequestAuthorizer.IdentitySource.parseAll(identitySource), ttlSeconds);
            case "token" -> {
                Object expression = authorizer.get("identityValidationExpression");
                String header = identitySource != null && identitySource.startsWith("method.request.header.")
                        ? identitySource.substring("method.request.header.".length())
                        : String.valueOf(scheme.getOrDefault("name", "Authorization"));
                yield new TokenAuthorizer(
                        name,
                        function,
                        header,
                        expression == null ? null : intrinsics.resolveString(expression),
                        ttlSeconds);
            }
            default ->
                throw new UnsupportedOperationException(apiLogicalId + " authorizer " + name + " is of type " + type
                        + "; the local runtime runs TOKEN and REQUEST Lambda authorizers only");
        };
    }

    private Map<String, Object> securitySchemes() {
        Map<String, Object> schemes = map(components().get("securitySchemes"));
        return schemes.isEmpty() ? map(document.get("securityDefinitions")) : schemes;
    }

    private Map<String, Object> components() {
        return map(document.get("components"));
    }

    /** A component ({@code {$ref: '#/components/<section>/Name'}}) or the inline object itself. */
    private Map<String, Object> resolved(Object value, String section) {
        Map<String, Object> object = map(value);
        Object ref = object.get("$ref");
        String prefix = "#/components/" + section + "/";
        if (ref instanceof String pointer && pointer.startsWith(prefix)) {
            return map(map(components().get(section)).get(pointer.substring(prefix.length())));
        }
        return object;
    }

    private String where(Operation operation) {
        return apiLogicalId + " " + operation.method() + " " + operation.path();
    }

    /** A YAML mapping with its keys as text (an unquoted {@code 202:} is read as a number). */
    private static Map<String, Object> map(Object value) {
        Map<String, Object> entries = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> entries.put(String.valueOf(key), element));
        }
        return entries;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static Map<String, String> texts(Map<String, Object> map) {
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((key, value) -> texts.put(key, String.valueOf(value)));
        return texts;
    }

    /**
     * One method of one path.
     *
     * @param security the security schemes of the operation's first security requirement (or the document's)
     * @param requiredParameters parameters declared {@code required}, checked when the validator validates parameters
     * @param bodySchemas the request body's schema per content type, still in OpenAPI form
     */
    public record Operation(
            String method,
            String path,
            List<String> security,
            Optional<RequestValidator> requestValidator,
            List<Parameter> requiredParameters,
            Map<String, Object> bodySchemas,
            Integration integration) {}

    /** An entry of {@code x-amazon-apigateway-request-validators}. */
    public record RequestValidator(String name, boolean validateRequestBody, boolean validateRequestParameters) {}

    /** A request parameter: {@code in} is {@code header}, {@code query} or {@code path}. */
    public record Parameter(String in, String name) {}

    /**
     * An {@code x-amazon-apigateway-integration}.
     *
     * @param uri still holding its intrinsics
     * @param requestTemplates per content type, still holding their intrinsics
     * @param responses the integration responses with a selection pattern in document order, then the default one
     */
    public record Integration(
            String type,
            String httpMethod,
            Object uri,
            String passthroughBehavior,
            Map<String, String> requestParameters,
            Map<String, Object> requestTemplates,
            List<IntegrationResponse> responses,
            int timeoutMillis) {}

    /**
     * An integration response.
     *
     * @param selectionPattern matched against the backend's status code; {@code null} for the default response
     */
    public record IntegrationResponse(
            String selectionPattern,
            int statusCode,
            Map<String, String> responseTemplates,
            Map<String, String> responseParameters) {}
}
