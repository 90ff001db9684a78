package dev.serverlesspatterns.authorizer.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.identity.CreateUserRequest;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import dev.serverlesspatterns.platform.api.RequestBodyReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** {@code POST /admin/users}: registers a client and shows its secret once. */
@Component("createUser")
class CreateUser implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;
    private final RequestBodyReader bodies;
    private final ApiResponses responses;
    private final Users users;
    private final ClientSecrets secrets;

    CreateUser(ApiHandler api, RequestBodyReader bodies, ApiResponses responses, Users users, ClientSecrets secrets) {
        this.api = api;
        this.bodies = bodies;
        this.responses = responses;
        this.users = users;
        this.secrets = secrets;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::create);
    }

    private APIGatewayProxyResponseEvent create(APIGatewayProxyRequestEvent request) {
        Caller.of(request).require(Scopes.ADMIN);
        CreateUserRequest body = bodies.read(request, Schema.CREATE_USER, CreateUserRequest.class);
        if (ReservedUserIds.isReserved(body.userId())) {
            throw ApiProblemException.conflict(
                    "USER_ID_RESERVED", "The user id '" + body.userId() + "' is reserved; choose another.");
        }
        ClientSecrets.IssuedSecret secret = secrets.generate();
        Instant now = Instant.now();
        Set<String> scopes = new TreeSet<>(body.scopes());
        User user = new User(body.userId(), secret.hash(), scopes, UserStatus.ACTIVE, now, now);
        if (!users.create(user)) {
            throw ApiProblemException.conflict("USER_EXISTS", "A user with id '" + body.userId() + "' exists already.");
        }
        APIGatewayProxyResponseEvent response = responses.json(
                201, new CreatedUser(user.userId(), scopes.stream().toList(), user.status(), secret.secret()));
        // The body carries a credential: no cache on the way may keep it.
        var headers = new HashMap<>(response.getHeaders());
        headers.put("Cache-Control", "no-store");
        return response.withHeaders(headers);
    }
}
