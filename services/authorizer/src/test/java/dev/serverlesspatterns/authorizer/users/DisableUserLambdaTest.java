package dev.serverlesspatterns.authorizer.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.authorizer.Events;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@ExtendWith(LocalAwsExtension.class)
class DisableUserLambdaTest {

    private static final String FUNCTION = "DisableUserFunction";

    private LambdaHarness lambda;
    private UsersTable users;

    @BeforeEach
    void setUp(LambdaHarness lambda, ProvisionedStack stack) {
        this.lambda = lambda;
        this.users = new UsersTable(stack);
    }

    @AfterEach
    void tearDown() {
        users.close();
    }

    @Test
    void disablesUserAndKeepsItsScopes() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");

        // when
        JsonNode response = disable(event(userId));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = Events.parse(response.path("body").asString());
        assertThat(body.path("userId").asString()).isEqualTo(userId);
        assertThat(body.path("status").asString()).isEqualTo("DISABLED");
        assertThat(body.has("secretHash")).isFalse();
        assertThat(users.item(userId).orElseThrow().get("status").s()).isEqualTo("DISABLED");
        assertThat(users.item(userId).orElseThrow().get("scopes").ss()).containsExactly("orders:read");
    }

    @Test
    void answersNotFoundForUnknownUserAndCreatesNoRow() {
        // given
        String userId = UsersTable.newUserId();

        // when
        JsonNode response = disable(event(userId));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(404);
        assertThat(users.item(userId)).isEmpty();
    }

    @Test
    void refusesCallerWithoutAdminScopeAndChangesNothing() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        ObjectNode event = event(userId);
        Events.withCaller(event, userId, "orders:read orders:write");

        // when
        JsonNode response = disable(event);

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(403);
        assertThat(users.item(userId).orElseThrow().get("status").s()).isEqualTo("ACTIVE");
    }

    @Test
    void refusesRequestThatDidNotPassTheAuthorizer() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        ObjectNode event = event(userId);
        ((ObjectNode) event.get("requestContext")).remove("authorizer");

        // when
        JsonNode response = disable(event);

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(users.item(userId).orElseThrow().get("status").s()).isEqualTo("ACTIVE");
    }

    private JsonNode disable(ObjectNode event) {
        return Events.parse(lambda.invoke(FUNCTION, Events.json(event)));
    }

    private static ObjectNode event(String userId) {
        ObjectNode event = Events.load("users/disable-user.json");
        Events.withPathParameter(event, "userId", userId);
        event.put("path", "/admin/users/" + userId + "/disable");
        return event;
    }
}
