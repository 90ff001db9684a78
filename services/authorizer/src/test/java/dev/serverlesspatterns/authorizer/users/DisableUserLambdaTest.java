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

/** Disabling a user; the checks it shares with every admin function on a user come from the contract. */
@ExtendWith({LocalAwsExtension.class, AuthorizerExtension.class})
class DisableUserLambdaTest implements AdminFunctionContract {

    @Override
    public ApiEvent requestChanging(String userId) {
        return Events.disableUser(userId);
    }

    @Override
    public ProxyResponse send(Functions functions, ApiEvent request) {
        return functions.disableUser(request);
    }

    @Test
    void disablesUserAndKeepsItsScopes(Functions functions, UsersTable users) {
        // given
        String userId = users.newActiveUser("orders:read");

        // when
        ProxyResponse response = functions.disableUser(userId);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("userId").asString()).isEqualTo(userId);
        assertThat(body.path("status").asString()).isEqualTo("DISABLED");
        assertThat(body.has("secretHash")).isFalse();
        assertThat(users.statusOf(userId)).isEqualTo("DISABLED");
        assertThat(users.scopesOf(userId)).containsExactly("orders:read");
    }
}
