package dev.serverlesspatterns.authorizer.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.authorizer.AuthorizerExtension;
import dev.serverlesspatterns.authorizer.Events;
import dev.serverlesspatterns.authorizer.Functions;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Revoking scopes; the checks it shares with every admin function on a user come from the contract. */
@ExtendWith({LocalAwsExtension.class, AuthorizerExtension.class})
class RevokeScopeLambdaTest implements AdminFunctionContract {

    @Override
    public ApiEvent requestChanging(String userId) {
        return Events.revokeScope(userId, "orders:read");
    }

    @Override
    public ProxyResponse send(Functions functions, ApiEvent request) {
        return functions.revokeScope(request);
    }

    @Test
    void revokesScopeAndShowsTheUser(Functions functions, UsersTable users) {
        // given
        String userId = users.newActiveUser("orders:read", "orders:write");

        // when
        ProxyResponse response = functions.revokeScope(userId, "orders:write");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("scopes").values()).extracting(JsonNode::asString).containsExactly("orders:read");
        assertThat(body.has("secretHash")).isFalse();
        assertThat(users.scopesOf(userId)).containsExactly("orders:read");
    }

    @Test
    void revokingTheLastScopeLeavesNoEmptySet(Functions functions, UsersTable users) {
        // given
        String userId = users.newActiveUser("orders:read");

        // when
        ProxyResponse response = functions.revokeScope(userId, "orders:read");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.json().path("scopes").isEmpty()).isTrue();
        assertThat(users.item(userId).orElseThrow()).doesNotContainKey("scopes");
    }

    @Test
    void revokingAScopeTheUserDoesNotHoldChangesNothing(Functions functions, UsersTable users) {
        // given
        String userId = users.newActiveUser("orders:read");

        // when
        ProxyResponse response = functions.revokeScope(userId, "admin");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(users.scopesOf(userId)).containsExactly("orders:read");
    }

    @Test
    void refusesAScopeInThePathThatIsNoScopeName(Functions functions, UsersTable users) {
        // given
        String userId = users.newActiveUser("orders:read");

        // when
        ProxyResponse response = functions.revokeScope(userId, "orders:*");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(users.scopesOf(userId)).containsExactly("orders:read");
    }
}
