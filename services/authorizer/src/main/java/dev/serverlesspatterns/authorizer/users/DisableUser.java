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
 * {@code POST /admin/users/{userId}/disable}: the user gets no new tokens, and its existing tokens are denied
 * once the gateway's cached decision for them expires.
 */
@Component("disableUser")
class DisableUser implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;
    private final ApiResponses responses;
    private final Users users;

    DisableUser(ApiHandler api, ApiResponses responses, Users users) {
        this.api = api;
        this.responses = responses;
        this.users = users;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::disable);
    }

    private APIGatewayProxyResponseEvent disable(APIGatewayProxyRequestEvent request) {
        Caller.of(request).require(Scopes.ADMIN);
        String userId = PathParameters.userId(request);
        User user = users.disable(userId, Instant.now())
                .orElseThrow(() -> ApiProblemException.notFound("No user with id '" + userId + "'."));
        return responses.json(200, UserView.of(user));
    }
}
