package dev.serverlesspatterns.authorizer.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * {@code DELETE /admin/users/{userId}/scopes/{scope}}: removes a scope; revoking one the user does not hold is a
 * no-op, so a retried DELETE answers the same. Tokens already issued lose the scope once the gateway's cached
 * decision expires, because the authorizer takes scopes from the table on every decision it makes.
 */
@Component("revokeScope")
class RevokeScope implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;
    private final ApiResponses responses;
    private final Users users;

    RevokeScope(ApiHandler api, ApiResponses responses, Users users) {
        this.api = api;
        this.responses = responses;
        this.users = users;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::revoke);
    }

    private APIGatewayProxyResponseEvent revoke(APIGatewayProxyRequestEvent request) {
        Caller.of(request).require(Scopes.ADMIN);
        String userId = PathParameters.userId(request);
        String scope = PathParameters.scope(request);
        User user = users.revoke(userId, scope, Instant.now())
                .orElseThrow(() -> ApiProblemException.notFound("No user with id '" + userId + "'."));
        return responses.json(200, UserView.of(user));
    }
}
