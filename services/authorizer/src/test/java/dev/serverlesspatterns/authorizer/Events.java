package dev.serverlesspatterns.authorizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** AWS event fixtures under {@code src/test/resources/events/}, read as trees a test may change before invoking. */
public final class Events {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {}

    public static ObjectNode load(String name) {
        try (InputStream in = Events.class.getClassLoader().getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture events/" + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What API Gateway hands the TOKEN authorizer: the request's Authorization header value. */
    public static ObjectNode authorizeRequest(String authorizationToken) {
        ObjectNode event = load("gatekeeper/authorize-request.json");
        event.put("authorizationToken", authorizationToken);
        return event;
    }

    /** {@code POST /oauth/token} with a form body; without Authorization header where {@code authorization} is null. */
    public static ObjectNode issueToken(String authorization, String formBody) {
        ObjectNode event = load("token/issue-token.json");
        if (authorization != null) {
            withHeader(event, "Authorization", authorization);
        }
        event.put("body", formBody);
        return event;
    }

    /** {@code POST /admin/users}, as the bootstrap admin. */
    public static ObjectNode createUser(String userId, String... scopes) {
        ObjectNode event = load("users/create-user.json");
        event.put("body", json(Map.of("userId", userId, "scopes", List.of(scopes))));
        return event;
    }

    /** {@code POST /admin/users/{userId}/scopes}, as the bootstrap admin. */
    public static ObjectNode grantScope(String userId, String scope) {
        ObjectNode event = load("users/grant-scope.json");
        withPathParameter(event, "userId", userId);
        event.put("path", "/admin/users/" + userId + "/scopes");
        event.put("body", json(Map.of("scope", scope)));
        return event;
    }

    /** {@code DELETE /admin/users/{userId}/scopes/{scope}}, as the bootstrap admin. */
    public static ObjectNode revokeScope(String userId, String scope) {
        ObjectNode event = load("users/revoke-scope.json");
        withPathParameter(event, "userId", userId);
        withPathParameter(event, "scope", scope);
        event.put("path", "/admin/users/" + userId + "/scopes/" + scope);
        return event;
    }

    /** {@code POST /admin/users/{userId}/disable}, as the bootstrap admin. */
    public static ObjectNode disableUser(String userId) {
        ObjectNode event = load("users/disable-user.json");
        withPathParameter(event, "userId", userId);
        event.put("path", "/admin/users/" + userId + "/disable");
        return event;
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Sets a header the way API Gateway delivers it: in both the single- and the multi-value map. */
    public static ObjectNode withHeader(ObjectNode event, String name, String value) {
        ((ObjectNode) event.get("headers")).put(name, value);
        ((ObjectNode) event.get("multiValueHeaders")).putArray(name).add(value);
        return event;
    }

    public static ObjectNode withoutHeader(ObjectNode event, String name) {
        ((ObjectNode) event.get("headers")).remove(name);
        ((ObjectNode) event.get("multiValueHeaders")).remove(name);
        return event;
    }

    /** What the authorizer put in the request context: who calls, with which scopes. */
    public static ObjectNode withCaller(ObjectNode event, String principalId, String scopes) {
        ObjectNode authorizer = (ObjectNode) event.get("requestContext").get("authorizer");
        authorizer.put("principalId", principalId);
        authorizer.put("scopes", scopes);
        return event;
    }

    /** A request that reached the function without passing the authorizer. */
    public static ObjectNode withoutAuthorizer(ObjectNode event) {
        ((ObjectNode) event.get("requestContext")).remove("authorizer");
        return event;
    }

    public static ObjectNode withPathParameter(ObjectNode event, String name, String value) {
        ((ObjectNode) event.get("pathParameters")).put(name, value);
        return event;
    }
}
