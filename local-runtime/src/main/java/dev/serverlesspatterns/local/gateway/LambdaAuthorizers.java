package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.template.LambdaAuthorizer;
import dev.serverlesspatterns.local.template.RequestAuthorizer;
import dev.serverlesspatterns.local.template.RequestAuthorizer.IdentitySource;
import dev.serverlesspatterns.local.template.RestApiDefinition.TokenAuthorizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs Lambda authorizers as API Gateway does. The identity (the TOKEN header, or every REQUEST identity source)
 * must be present, non-empty and match the validation expression, else the answer is 401 without invoking the
 * function. The function's answer is cached per authorizer and identity for the result TTL; an error whose message
 * is exactly {@code Unauthorized} means 401, any other error 500, and a policy that does not allow the method ARN 403.
 */
final class LambdaAuthorizers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LambdaInvoker invoker;
    private final AuthorizerCache cache;

    LambdaAuthorizers(LambdaInvoker invoker, Clock clock) {
        this.invoker = invoker;
        this.cache = new AuthorizerCache(clock);
    }

    /** The authorizer's decision for the request, or a refusal the client gets instead of the integration. */
    AuthorizerDecision authorize(GatewayRequest request, LambdaAuthorizer authorizer) {
        String identity = identity(request, authorizer).orElseThrow(() -> new GatewayRefusal("UNAUTHORIZED"));
        AuthorizerDecision decision = cache.get(authorizer.name(), identity).orElse(null);
        if (decision == null) {
            decision = invoke(authorizer, event(request, authorizer, identity));
            cache.put(authorizer.name(), identity, decision, authorizer.resultTtlSeconds());
        }
        if (decision.explicitlyDenies(request.methodArn())) {
            throw new GatewayRefusal(
                    "ACCESS_DENIED", "User is not authorized to access this resource with an explicit deny", null);
        }
        if (!decision.allows(request.methodArn())) {
            throw new GatewayRefusal("ACCESS_DENIED");
        }
        return decision;
    }

    /** The cache key: the token, or the identity sources' values; empty when one of them is missing or blank. */
    private static Optional<String> identity(GatewayRequest request, LambdaAuthorizer authorizer) {
        return switch (authorizer) {
            case TokenAuthorizer token -> {
                String value = request.header(token.identityHeader());
                boolean valid = value != null
                        && !value.isBlank()
                        && (token.validationExpression() == null
                                || Pattern.matches(token.validationExpression(), value));
                yield valid ? Optional.of(value) : Optional.empty();
            }
            case RequestAuthorizer requestAuthorizer -> {
                List<String> values = new ArrayList<>();
                for (IdentitySource source : requestAuthorizer.identitySources()) {
                    String value = switch (source.location()) {
                        case HEADER -> request.header(source.name());
                        case QUERY_STRING -> request.queryParameter(source.name());
                    };
                    if (value == null || value.isEmpty()) {
                        yield Optional.empty();
                    }
                    values.add(value);
                }
                yield Optional.of(String.join("\u0000", values));
            }
        };
    }

    private static ObjectNode event(GatewayRequest request, LambdaAuthorizer authorizer, String identity) {
        return switch (authorizer) {
            case TokenAuthorizer token -> {
                ObjectNode event = JSON.createObjectNode();
                event.put("type", "TOKEN");
                event.put("authorizationToken", identity);
                event.put("methodArn", request.methodArn());
                yield event;
            }
            case RequestAuthorizer requestAuthorizer -> ProxyEvents.authorizerRequest(request);
        };
    }

    private AuthorizerDecision invoke(LambdaAuthorizer authorizer, ObjectNode event) {
        InvocationResult result = invoker.invoke(authorizer.functionLogicalId(), JSON.writeValueAsBytes(event));
        JsonNode answer = readable(result).orElse(null);
        if (result.failed()) {
            boolean unauthorized =
                    answer != null && answer.path("errorMessage").asString("").equals("Unauthorized");
            throw new GatewayRefusal(unauthorized ? "UNAUTHORIZED" : "AUTHORIZER_FAILURE");
        }
        if (answer == null || !answer.isObject()) {
            throw new GatewayRefusal("AUTHORIZER_CONFIGURATION_ERROR");
        }
        return AuthorizerDecision.parse(answer);
    }

    private static Optional<JsonNode> readable(InvocationResult result) {
        try {
            return Optional.of(JSON.readTree(result.payload()));
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
    }
}
