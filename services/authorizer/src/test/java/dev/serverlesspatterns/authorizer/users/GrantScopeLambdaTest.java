package dev.serverlesspatterns.authorizer.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.authorizer.Events;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@ExtendWith(LocalAwsExtension.class)
class GrantScopeLambdaTest {

    private static final String FUNCTION = "GrantScopeFunction";

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
    void grantsScopeAndShowsTheUserWithoutItsSecret() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");

        // when
        JsonNode response = grant(userId, "{\"scope\":\"orders:write\"}");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = Events.parse(response.path("body").asString());
        assertThat(body.path("userId").asString()).isEqualTo(userId);
        assertThat(body.path("scopes").values())
                .extracting(JsonNode::asString)
                .containsExactly("orders:read", "orders:write");
        assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(Instant.parse(body.path("updatedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(body.path("createdAt").asString()));
        assertThat(body.has("secretHash")).isFalse();
        assertThat(body.has("clientSecret")).isFalse();
        assertThat(users.item(userId).orElseThrow().get("scopes").ss())
                .containsExactlyInAnyOrder("orders:read", "orders:write");
    }

    @Test
    void grantsTheFirstScopeOfAUserWithoutAny() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE");

        // when
        JsonNode response = grant(userId, "{\"scope\":\"catalog:read\"}");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(users.item(userId).orElseThrow().get("scopes").ss()).containsExactly("catalog:read");
    }

    @Test
    void grantingAScopeTwiceKeepsItOnce() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");

        // when
        grant(userId, "{\"scope\":\"orders:read\"}");

        // then
        assertThat(users.item(userId).orElseThrow().get("scopes").ss()).containsExactly("orders:read");
    }

    @Test
    void answersNotFoundForUnknownUserAndCreatesNoRow() {
        // given
        String userId = UsersTable.newUserId();

        // when
        JsonNode response = grant(userId, "{\"scope\":\"orders:read\"}");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(404);
        assertThat(users.item(userId)).isEmpty();
    }

    @Test
    void refusesCallerWithoutAdminScopeAndChangesNothing() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        ObjectNode event = event(userId, "{\"scope\":\"admin\"}");
        Events.withCaller(event, userId, "orders:read");

        // when
        JsonNode response = Events.parse(lambda.invoke(FUNCTION, Events.json(event)));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(403);
        assertThat(users.item(userId).orElseThrow().get("scopes").ss()).containsExactly("orders:read");
    }

    @Test
    void refusesInvalidScopeAndChangesNothing() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        Map<String, AttributeValue> before = users.item(userId).orElseThrow();

        // when
        JsonNode response = grant(userId, "{\"scope\":\"ORDERS:*\",\"extra\":true}");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(Events.parse(response.path("body").asString()).path("code").asString())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(users.item(userId).orElseThrow()).isEqualTo(before);
    }

    private JsonNode grant(String userId, String body) {
        return Events.parse(lambda.invoke(FUNCTION, Events.json(event(userId, body))));
    }

    private static ObjectNode event(String userId, String body) {
        ObjectNode event = Events.load("users/grant-scope.json");
        Events.withPathParameter(event, "userId", userId);
        event.put("path", "/admin/users/" + userId + "/scopes");
        event.put("body", body);
        return event;
    }
}
