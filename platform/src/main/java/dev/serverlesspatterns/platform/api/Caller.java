package dev.serverlesspatterns.platform.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the Lambda authorizer told API Gateway: the principal and the scopes it placed in
 * the authorizer context. A request without that context never came through the gateway's authorizer.
 */
public record Caller(String principalId, Set<String> scopes) {

    public static final String SCOPES_CONTEXT_KEY = "scopes";

    public static Caller of(APIGatewayProxyRequestEvent request) {
        Map<String, Object> authorizer = request.getRequestContext() == null
                ? null
                : request.getRequestContext().getAuthorizer();
        if (authorizer == null || !(authorizer.get("principalId") instanceof String principal) || principal.isBlank()) {
            throw new ApiProblemException(
                    ApiProblem.of(401, "UNAUTHENTICATED", "The request carries no authorized caller."));
        }
        Object scopes = authorizer.get(SCOPES_CONTEXT_KEY);
        Set<String> granted = scopes instanceof String text && !text.isBlank()
                ? Arrays.stream(text.split(" ")).collect(Collectors.toUnmodifiableSet())
                : Set.of();
        return new Caller(principal, granted);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    public void require(String scope) {
        if (!has(scope)) {
            throw ApiProblemException.forbidden("This operation needs the scope '" + scope + "'.");
        }
    }
}
