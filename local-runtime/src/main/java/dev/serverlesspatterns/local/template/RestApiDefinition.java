package dev.serverlesspatterns.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@code AWS::Serverless::Api}: its stage, Lambda authorizers, gateway responses and the routes that target it. */
public final class RestApiDefinition {

    public static final String TYPE = "AWS::Serverless::Api";

    private final TemplateResource resource;
    private final List<FunctionDefinition.ApiEvent> routes;

    RestApiDefinition(TemplateResource resource, List<FunctionDefinition> functions) {
        this.resource = resource;
        this.routes = functions.stream()
                .flatMap(function -> function.apiEvents().stream())
                .filter(event -> event.restApiId().equals(resource.logicalId()))
                .toList();
    }

    public String logicalId() {
        return resource.logicalId();
    }

    public String stageName(Intrinsics intrinsics) {
        return intrinsics.resolveString(resource.properties().get("StageName"));
    }

    public List<FunctionDefinition.ApiEvent> routes() {
        return routes;
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

    /** Gateway responses by type (UNAUTHORIZED, ACCESS_DENIED, ...), as the template customises them. */
    public Map<String, GatewayResponse> gatewayResponses() {
        Map<String, GatewayResponse> responses = new LinkedHashMap<>();
        resource.section("GatewayResponses").forEach((type, value) -> {
            Map<String, Object> response = SamTemplate.asMap(value);
            Object body = SamTemplate.section(response, "ResponseTemplates").get("application/json");
            responses.put(
                    type,
                    new GatewayResponse(
                            Integer.parseInt(String.valueOf(response.get("StatusCode"))),
                            body == null ? null : String.valueOf(body)));
        });
        return responses;
    }

    public record GatewayResponse(int statusCode, String body) {}

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
            int resultTtlSeconds) {

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
