package dev.serverlesspatterns.authorizer.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.authorizer.AuthorizerExtension;
import dev.serverlesspatterns.authorizer.Events;
import dev.serverlesspatterns.authorizer.Functions;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/** Granting scopes; the checks it shares with every admin function on a user come from the contract. */
@ExtendWith({LocalAwsExtension.class, AuthorizerExtension.class})
class GrantScopeLambdaTest implements AdminFunctionContract {

    @Override
    public ApiEvent requestChanging(String userId) {
        return Events.grantScope(userId, "admin");
    }

    @Override
    public ProxyResponse send(Functions functions, ApiEvent request) {
        return functions.grantScope(request);
    }

    @Test
    void grantsScopeAndShowsTheUserWithoutItsSecret(Functions functions, UsersTable users) {
        // given
        String userId = users.newActiveUser("orders:read");

        // when
        ProxyResponse response = functions.grantScope(userId, "orders:write");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("userId").asString()).isEqualTo(userId);
        assertThat(body.path("scopes").values())
                .extracting(JsonNode::asString)
                .containsExactly("orders:read", "orders:write");
        assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(Instant.parse(body.path("updatedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(body.path("createdAt").asString()));
        assertThat(body.has("secretHash")).isFalse();
        assertThat(body.has("clientSecret")).isFalse();
        assertThat(users.scopesOf(userId)).containsExactlyInAnyOrder("orders:read", "orders:write");
    }

    @Test
    void grantsTheFirstScopeOfAUserWithoutAny(Functions functions, UsersTable users) {
        // given
        String userId = users.newActiveUser();

        // when
        ProxyResponse response = functions.grantScope(userId, "catalog:read");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(users.scopesOf(userId)).containsExactly("catalog:read");
    }

    @Test
    void grantingAScopeTwiceKeepsItOnce(Functions functions, UsersTable users) {
        // given
        String userId = users.newActiveUser("orders:read");

        // when
        functions.grantScope(userId, "orders:read");

        // then
        assertThat(users.scopesOf(userId)).containsExactly("orders:read");
    }

    @Test
    void refusesInvalidScopeAndChangesNothing(Functions functions, UsersTable users) {
        // given a scope that is no scope name, and a property the schema does not know
        String userId = users.newActiveUser("orders:read");
        Map<String, AttributeValue> before = users.item(userId).orElseThrow();
        ApiEvent request = Events.grantScope(userId, "ORDERS:*").body("{\"scope\":\"ORDERS:*\",\"extra\":true}");

        // when
        ProxyResponse response = functions.grantScope(request);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(users.item(userId)).contains(before);
    }
}
