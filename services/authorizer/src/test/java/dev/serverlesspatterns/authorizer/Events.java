package dev.serverlesspatterns.authorizer;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.Fixtures;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's requests, built from the AWS event fixtures under {@code src/test/resources/events/}: the TOKEN
 * authorizer's event, and API Gateway requests to the token and admin endpoints a test may change before sending.
 */
public final class Events {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {}

    /** What API Gateway hands the TOKEN authorizer: the request's Authorization header value. */
    public static ObjectNode authorizeRequest(String authorizationToken) {
        ObjectNode event = Fixtures.event("gatekeeper/authorize-request.json");
        event.put("authorizationToken", authorizationToken);
        return event;
    }

    /** {@code POST /oauth/token} with a form body; without Authorization header where {@code authorization} is null. */
    public static ApiEvent issueToken(String authorization, String formBody) {
        ApiEvent event = ApiEvent.fixture("token/issue-token.json").body(formBody);
        return authorization == null ? event : event.header("Authorization", authorization);
    }

    /** {@code POST /admin/users}, as the bootstrap admin. */
    public static ApiEvent createUser(String userId, String... scopes) {
        return ApiEvent.fixture("users/create-user.json")
                .body(json(Map.of("userId", userId, "scopes", List.of(scopes))));
    }

    /** {@code POST /admin/users/{userId}/scopes}, as the bootstrap admin. */
    public static ApiEvent grantScope(String userId, String scope) {
        return ApiEvent.fixture("users/grant-scope.json")
                .pathParameter("userId", userId)
                .body(json(Map.of("scope", scope)));
    }

    /** {@code DELETE /admin/users/{userId}/scopes/{scope}}, as the bootstrap admin. */
    public static ApiEvent revokeScope(String userId, String scope) {
        return ApiEvent.fixture("users/revoke-scope.json")
                .pathParameter("userId", userId)
                .pathParameter("scope", scope);
    }

    /** {@code POST /admin/users/{userId}/disable}, as the bootstrap admin. */
    public static ApiEvent disableUser(String userId) {
        return ApiEvent.fixture("users/disable-user.json").pathParameter("userId", userId);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
