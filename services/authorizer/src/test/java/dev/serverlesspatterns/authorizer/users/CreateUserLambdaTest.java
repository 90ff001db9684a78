package dev.serverlesspatterns.authorizer.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.authorizer.Events;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@ExtendWith(LocalAwsExtension.class)
class CreateUserLambdaTest {

    private static final String FUNCTION = "CreateUserFunction";

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
    void createsUserAndShowsItsSecretOnce() {
        // given
        String userId = UsersTable.newUserId();

        // when
        JsonNode response = createUser(Map.of("userId", userId, "scopes", List.of("orders:write", "orders:read")));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        assertThat(response.path("headers").path("Cache-Control").asString()).isEqualTo("no-store");
        JsonNode body = Events.parse(response.path("body").asString());
        assertThat(body.path("userId").asString()).isEqualTo(userId);
        assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(body.path("scopes").values())
                .extracting(JsonNode::asString)
                .containsExactly("orders:read", "orders:write");
        String secret = body.path("clientSecret").asString();
        assertThat(secret).hasSize(43);

        Map<String, AttributeValue> item = users.item(userId).orElseThrow();
        assertThat(item.get("secretHash").s()).isEqualTo(ClientSecrets.hash(secret));
        assertThat(item.values()).noneMatch(value -> secret.equals(value.s()));
        assertThat(item.get("scopes").ss()).containsExactlyInAnyOrder("orders:read", "orders:write");
        assertThat(item.get("status").s()).isEqualTo("ACTIVE");
        assertThat(item).containsKeys("createdAt", "updatedAt");
    }

    @Test
    void createsUserWithoutScopesWithoutAnEmptySet() {
        // given
        String userId = UsersTable.newUserId();

        // when
        JsonNode response = createUser(Map.of("userId", userId, "scopes", List.of()));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        assertThat(Events.parse(response.path("body").asString()).path("scopes").isEmpty())
                .isTrue();
        assertThat(users.item(userId).orElseThrow()).doesNotContainKey("scopes");
    }

    @Test
    void refusesAnExistingUserIdAndKeepsItsSecret() {
        // given
        String userId = UsersTable.newUserId();
        createUser(Map.of("userId", userId, "scopes", List.of("orders:read")));
        String storedHash = users.item(userId).orElseThrow().get("secretHash").s();

        // when
        JsonNode response = createUser(Map.of("userId", userId, "scopes", List.of("admin")));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(409);
        assertThat(Events.parse(response.path("body").asString()).path("code").asString())
                .isEqualTo("USER_EXISTS");
        Map<String, AttributeValue> item = users.item(userId).orElseThrow();
        assertThat(item.get("secretHash").s()).isEqualTo(storedHash);
        assertThat(item.get("scopes").ss()).containsExactly("orders:read");
    }

    @Test
    void refusesCallerWithoutAdminScopeAndWritesNothing() {
        // given
        String userId = UsersTable.newUserId();
        ObjectNode event = event(Map.of("userId", userId, "scopes", List.of("admin")));
        Events.withCaller(event, "shop-frontend", "orders:read orders:write");

        // when
        JsonNode response = Events.parse(lambda.invoke(FUNCTION, Events.json(event)));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(403);
        assertThat(users.item(userId)).isEmpty();
    }

    @Test
    void refusesInvalidBodyAndWritesNothing() {
        // given an id with capitals and a scope that is no scope name
        String userId = "Bad-" + UsersTable.newUserId();

        // when
        JsonNode response = createUser(Map.of("userId", userId, "scopes", List.of("Orders Read")));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        JsonNode problem = Events.parse(response.path("body").asString());
        assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.path("errors").size()).isGreaterThanOrEqualTo(2);
        assertThat(users.item(userId)).isEmpty();
    }

    @Test
    void refusesMalformedJson() {
        // given
        ObjectNode event = Events.load("users/create-user.json");
        event.put("body", "{\"userId\":");

        // when
        JsonNode response = Events.parse(lambda.invoke(FUNCTION, Events.json(event)));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(Events.parse(response.path("body").asString()).path("code").asString())
                .isEqualTo("MALFORMED_JSON");
    }

    private JsonNode createUser(Map<String, Object> body) {
        return Events.parse(lambda.invoke(FUNCTION, Events.json(event(body))));
    }

    private static ObjectNode event(Map<String, Object> body) {
        ObjectNode event = Events.load("users/create-user.json");
        event.put("body", Events.json(body));
        return event;
    }
}
