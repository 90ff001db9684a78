package dev.serverlesspatterns.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void readsPrincipalAndScopesFromTheAuthorizerContext() {
        // given a request that came through the authorizer
        APIGatewayProxyRequestEvent request =
                request(Map.of("principalId", "alice", "scopes", "orders:read orders:write"));

        // when
        Caller caller = Caller.of(request);

        // then
        assertThat(caller.principalId()).isEqualTo("alice");
        assertThat(caller.scopes()).containsExactlyInAnyOrder("orders:read", "orders:write");
        assertThat(caller.has("orders:admin")).isFalse();
    }

    @Test
    void aRequestWithoutAuthorizerContextIsUnauthenticated() {
        assertThatThrownBy(() -> Caller.of(new APIGatewayProxyRequestEvent()))
                .isInstanceOfSatisfying(
                        ApiProblemException.class,
                        rejected -> assertThat(rejected.problem().status()).isEqualTo(401));
    }

    @Test
    void aMissingScopeIsForbidden() {
        // given a caller without the admin scope
        Caller caller = Caller.of(request(Map.of("principalId", "alice", "scopes", "orders:read")));

        // when and then
        assertThatThrownBy(() -> caller.require("admin"))
                .isInstanceOfSatisfying(ApiProblemException.class, rejected -> {
                    assertThat(rejected.problem().status()).isEqualTo(403);
                    assertThat(rejected.problem().code()).isEqualTo("FORBIDDEN");
                });
    }

    private static APIGatewayProxyRequestEvent request(Map<String, Object> authorizer) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAuthorizer(new HashMap<>(authorizer));
        return new APIGatewayProxyRequestEvent().withRequestContext(context);
    }
}
