package dev.serverlesspatterns.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::Api}: its stage, Lambda authorizers, gateway responses, the functions' {@code Api} events
 * that target it and, when it has one, its inline OpenAPI {@code DefinitionBody}.
 */
public final class RestApiDefinition {

    public static final String TYPE = "AWS::Serverless::Api";

    private final TemplateResource resource;
    private final List<FunctionDefinition.ApiEvent> routes;
    private final Optional<OpenApiDefinition> definitionBody;

    RestApiDefinition(TemplateResource resource, List<FunctionDefinition> functions) {
        this.resource = resource;
        this.routes = functions.stream()
                .flatMap(function -> function.apiEvents().stream())
                .filter(event -> event.restApiId().equals(resource.logicalId()))
                .toList();
        Object body = resource.properties().get("DefinitionBody");
        this.definitionBody = body == null
                ? Optional.empty()
                : Optional.of(new OpenApiDefinition(resource.logicalId(), SamTemplate.asMap(body)));
    }

    public String logicalId() {
        return resource.logicalId();
    }

    public String stageName(Intrinsics intrinsics) {
        return intrinsics.resolveString(resource.properties().get("StageName"));
    }

    /** The routes the functions' {@code Api} events add; a {@link #definitionBody()} declares its own operations. */
    public List<FunctionDefinition.ApiEvent> routes() {
        return routes;
    }

    /** The inline OpenAPI document the API is defined by, if the template gives one. */
    public Optional<OpenApiDefinition> definitionBody() {
        if (resource.properties().containsKey("DefinitionUri")) {
            throw new UnsupportedOperationException(logicalId() + " loads its OpenAPI document from DefinitionUri;"
                    + " the local runtime reads an inline DefinitionBody only");
        }
        return definitionBody;
    }

    public Optional<String> defaultAuthorizer() {
        return Optional.ofNullable(resource.section("Auth").get("DefaultAuthorizer"))
                .map(String::valueOf);
    }

    /** The authorizer a route runs behind: its own {@code Auth.Authorizer}, else the API's default; NONE means none. */
    public Optional<TokenAuthorizer> authorizerFor(FunctionDefinition.ApiEvent route, Intrinsics intrinsics) {
        String name = route.authorizer() != null
                ? route.authorizer()
                : defaultAuthorizer().orElse(null);
        if (name == null || name.equals("NONE")) {
            return Optional.empty();
        }
        Map<String, Object> definition =
                SamTemplate.section(SamTemplate.section(resource.section("Auth"), "Authorizers"), name);
        if (definition.isEmpty()) {
            throw new IllegalStateException(
                    "Route " + route.method() + " " + route.path() + " names unknown authorizer " + name);
        }
        return Optional.of(TokenAuthorizer.of(name, definition, intrinsics));
    }

    /**
     * Gateway responses by type (UNAUTHORIZED, ACCESS_DENIED, ...), as the template customises them: those of the
     * definition body, overridden by SAM's {@code GatewayResponses} the way SAM merges them into the definition.
     */
    public Map<String, GatewayResponse> gatewayResponses() {
        Map<String, GatewayResponse> responses = new LinkedHashMap<>();
        definitionBody.ifPresent(definition -> responses.putAll(definition.gatewayResponses()));
        resource.section("GatewayResponses").forEach((type, value) -> {
            Map<String, Object> response = SamTemplate.asMap(value);
            Object status = response.get("StatusCode");
            Object body = SamTemplate.section(response, "ResponseTemplates").get("application/json");
            Map<String, String> headers = new LinkedHashMap<>();
            SamTemplate.section(SamTemplate.section(response, "ResponseParameters"), "Headers")
                    .forEach((name, source) -> headers.put(
                            name, OpenApiDefinition.staticValue(String.valueOf(source), "Gateway response " + type)));
            responses.put(
                    type,
                    new GatewayResponse(
                            status == null ? null : Integer.valueOf(String.valueOf(status)),
                            body == null ? null : String.valueOf(body),
                            headers));
        });
        return responses;
    }

    /**
     * A gateway response as the template customises it.
     *
     * @param statusCode {@code null} keeps the response type's own status
     * @param body the {@code application/json} template, {@code null} when not customised
     * @param headers static response headers
     */
    public record GatewayResponse(Integer statusCode, String body, Map<String, String> headers) {}

    /**
     * A TOKEN Lambda authorizer.
     *
     * @param resultTtlSeconds {@code Identity.ReauthorizeEvery}, 300 by default as on API Gateway
     */
    public record TokenAuthorizer(
            String name,
            String functionLogicalId,
            String identityHeader,
            String validationExpression,
            int resultTtlSeconds)
            implements LambdaAuthorizer {

        static TokenAuthorizer of(String name, Map<String, Object> definition, Intrinsics intrinsics) {
            Map<String, Object> identity = SamTemplate.section(definition, "Identity");
            Object header = identity.get("Header");
            Object expression = identity.get("ValidationExpression");
            Object ttl = identity.get("ReauthorizeEvery");
            return new TokenAuthorizer(
                    name,
                    intrinsics.referencedFunction(definition.get("FunctionArn")),
                    header == null ? "Authorization" : String.valueOf(header),
                    expression == null ? null : intrinsics.resolveString(expression),
                    ttl == null ? 300 : Integer.parseInt(intrinsics.resolveString(ttl)));
        }
    }
}
