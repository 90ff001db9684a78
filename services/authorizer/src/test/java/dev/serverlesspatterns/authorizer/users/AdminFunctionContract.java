package dev.serverlesspatterns.authorizer.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.authorizer.Functions;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every admin function that changes one user, named in its path, does alike. The test class of such a function
 * implements it, with a request that would change the user, and so runs these tests for its function too.
 */
interface AdminFunctionContract {

    /** A request, as the bootstrap admin, that would change the given user. */
    ApiEvent requestChanging(String userId);

    /** Sends the request to the function under test. */
    ProxyResponse send(Functions functions, ApiEvent request);

    @Test
    default void answersNotFoundForUnknownUserAndCreatesNoRow(Functions functions, UsersTable users) {
        // given
        String userId = UsersTable.newUserId();

        // when
        ProxyResponse response = send(functions, requestChanging(userId));

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(users.item(userId)).isEmpty();
    }

    @Test
    default void refusesCallerWithoutAdminScopeAndChangesNothing(Functions functions, UsersTable users) {
        // given
        String userId = users.newActiveUser("orders:read");
        Map<String, AttributeValue> before = users.item(userId).orElseThrow();
        ApiEvent request = requestChanging(userId).principal(userId).scopes("orders:read orders:write");

        // when
        ProxyResponse response = send(functions, request);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(users.item(userId)).contains(before);
    }

    @Test
    default void refusesRequestThatDidNotPassTheAuthorizer(Functions functions, UsersTable users) {
        // given
        String userId = users.newActiveUser("orders:read");
        Map<String, AttributeValue> before = users.item(userId).orElseThrow();
        ApiEvent request = requestChanging(userId).withoutAuthorizer();

        // when
        ProxyResponse response = send(functions, request);

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(users.item(userId)).contains(before);
    }
}
