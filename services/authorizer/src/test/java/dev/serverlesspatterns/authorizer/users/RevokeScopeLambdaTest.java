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
class RevokeScopeLambdaTest {

    private static final String FUNCTION = "RevokeScopeFunction";

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
    void revokesScopeAndShowsTheUser() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read", "orders:write");

        // when
        JsonNode response = revoke(userId, "orders:write");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = Events.parse(response.path("body").asString());
        assertThat(body.path("scopes").values()).extracting(JsonNode::asString).containsExactly("orders:read");
        assertThat(body.has("secretHash")).isFalse();
        assertThat(users.item(userId).orElseThrow().get("scopes").ss()).containsExactly("orders:read");
    }

    @Test
    void revokingTheLastScopeLeavesNoEmptySet() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");

        // when
        JsonNode response = revoke(userId, "orders:read");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Events.parse(response.path("body").asString()).path("scopes").isEmpty())
                .isTrue();
        assertThat(users.item(userId).orElseThrow()).doesNotContainKey("scopes");
    }

    @Test
    void revokingAScopeTheUserDoesNotHoldChangesNothing() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");

        // when
        JsonNode response = revoke(userId, "admin");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(users.item(userId).orElseThrow().get("scopes").ss()).containsExactly("orders:read");
    }

    @Test
    void answersNotFoundForUnknownUserAndCreatesNoRow() {
        // given
        String userId = UsersTable.newUserId();

        // when
        JsonNode response = revoke(userId, "orders:read");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(404);
        assertThat(users.item(userId)).isEmpty();
    }

    @Test
    void refusesAScopeInThePathThatIsNoScopeName() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");

        // when
        JsonNode response = revoke(userId, "orders:*");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(Events.parse(response.path("body").asString()).path("code").asString())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(users.item(userId).orElseThrow().get("scopes").ss()).containsExactly("orders:read");
    }

    @Test
    void refusesCallerWithoutAdminScopeAndChangesNothing() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        ObjectNode event = event(userId, "orders:read");
        Events.withCaller(event, userId, "orders:read");

        // when
        JsonNode response = Events.parse(lambda.invoke(FUNCTION, Events.json(event)));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(403);
        assertThat(users.item(userId).orElseThrow().get("scopes").ss()).containsExactly("orders:read");
    }

    private JsonNode revoke(String userId, String scope) {
        return Events.parse(lambda.invoke(FUNCTION, Events.json(event(userId, scope))));
    }

    private static ObjectNode event(String userId, String scope) {
        ObjectNode event = Events.load("users/revoke-scope.json");
        Events.withPathParameter(event, "userId", userId);
        Events.withPathParameter(event, "scope", scope);
        event.put("path", "/admin/users/" + userId + "/scopes/" + scope);
        return event;
    }
}
