package dev.serverlesspatterns.authorizer.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.authorizer.AuthorizerExtension;
import dev.serverlesspatterns.authorizer.Events;
import dev.serverlesspatterns.authorizer.Functions;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

@ExtendWith({LocalAwsExtension.class, AuthorizerExtension.class})
class CreateUserLambdaTest {

    @Test
    void createsUserAndShowsItsSecretOnce(Functions functions, UsersTable users) {
        // given
        String userId = UsersTable.newUserId();

        // when
        ProxyResponse response = functions.createUser(userId, "orders:write", "orders:read");

        // then
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = response.json();
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
    void createsUserWithoutScopesWithoutAnEmptySet(Functions functions, UsersTable users) {
        // given
        String userId = UsersTable.newUserId();

        // when
        ProxyResponse response = functions.createUser(userId);

        // then
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.json().path("scopes").isEmpty()).isTrue();
        assertThat(users.item(userId).orElseThrow()).doesNotContainKey("scopes");
    }

    @Test
    void refusesAnExistingUserIdAndKeepsItsSecret(Functions functions, UsersTable users) {
        // given
        String userId = UsersTable.newUserId();
        functions.createUser(userId, "orders:read");
        String storedHash = users.item(userId).orElseThrow().get("secretHash").s();

        // when
        ProxyResponse response = functions.createUser(userId, "admin");

        // then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.problemCode()).isEqualTo("USER_EXISTS");
        assertThat(users.item(userId).orElseThrow().get("secretHash").s()).isEqualTo(storedHash);
        assertThat(users.scopesOf(userId)).containsExactly("orders:read");
    }

    @Test
    void refusesTheBootstrapAdminsIdAndWritesNothing(Functions functions, UsersTable users) {
        // when an admin registers a user under the bootstrap admin's client id
        ProxyResponse response = functions.createUser("admin", "orders:read");

        // then it is refused, as such a row could never sign in
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.problemCode()).isEqualTo("USER_ID_RESERVED");
        assertThat(users.item("admin")).isEmpty();
    }

    @Test
    void refusesCallerWithoutAdminScopeAndWritesNothing(Functions functions, UsersTable users) {
        // given
        String userId = UsersTable.newUserId();
        ApiEvent request =
                Events.createUser(userId, "admin").principal("shop-frontend").scopes("orders:read orders:write");

        // when
        ProxyResponse response = functions.createUser(request);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(users.item(userId)).isEmpty();
    }

    @Test
    void refusesInvalidBodyAndWritesNothing(Functions functions, UsersTable users) {
        // given an id with capitals and a scope that is no scope name
        String userId = "Bad-" + UsersTable.newUserId();

        // when
        ProxyResponse response = functions.createUser(userId, "Orders Read");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors").size()).isGreaterThanOrEqualTo(2);
        assertThat(users.item(userId)).isEmpty();
    }

    @Test
    void refusesMalformedJson(Functions functions) {
        // given
        ApiEvent request = ApiEvent.fixture("users/create-user.json").body("{\"userId\":");

        // when
        ProxyResponse response = functions.createUser(request);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("MALFORMED_JSON");
    }
}
