package dev.serverlesspatterns.authorizer.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.identity.GrantScopeRequest;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import dev.serverlesspatterns.platform.api.RequestBodyReader;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** {@code POST /admin/users/{userId}/scopes}: adds a scope; granting one the user holds changes nothing. */
@Component("grantScope")
class GrantScope implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;
    private final RequestBodyReader bodies;
    private final ApiResponses responses;
    private final Users users;

    GrantScope(ApiHandler api, RequestBodyReader bodies, ApiResponses responses, Users users) {
        this.api = api;
        this.bodies = bodies;
        this.responses = responses;
        this.users = users;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::grant);
    }

    private APIGatewayProxyResponseEvent grant(APIGatewayProxyRequestEvent request) {
        Caller.of(request).require(Scopes.ADMIN);
        String userId = PathParameters.userId(request);
        GrantScopeRequest body = bodies.read(request, Schema.GRANT_SCOPE, GrantScopeRequest.class);
        User user = users.grant(userId, body.scope(), Instant.now())
                .orElseThrow(() -> ApiProblemException.notFound("No user with id '" + userId + "'."));
        return responses.json(200, UserView.of(user));
    }
}
