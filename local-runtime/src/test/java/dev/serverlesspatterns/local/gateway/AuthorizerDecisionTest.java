package dev.serverlesspatterns.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuthorizerDecisionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GET_ORDERS = "arn:aws:execute-api:us-east-1:000000000000:local/v1/GET/orders";
    private static final String DELETE_ORDER = "arn:aws:execute-api:us-east-1:000000000000:local/v1/DELETE/orders/42";

    @Test
    void aPolicyOverTheWholeStageAllowsEveryRoute() {
        // given a policy whose resource is a wildcard over the stage
        AuthorizerDecision decision = decision("Allow", "arn:aws:execute-api:us-east-1:000000000000:local/v1/*/*");

        // when and then: any method and path of the stage is allowed
        assertThat(decision.allows(GET_ORDERS)).isTrue();
        assertThat(decision.allows(DELETE_ORDER)).isTrue();
    }

    @Test
    void aPolicyForOneMethodArnDeniesTheNextRouteOnceCached() {
        // given the classic sample bug: the policy names only the first request's method ARN
        AuthorizerDecision decision = decision("Allow", GET_ORDERS);

        // when and then: the cached policy denies every other route
        assertThat(decision.allows(GET_ORDERS)).isTrue();
        assertThat(decision.allows(DELETE_ORDER)).isFalse();
    }

    @Test
    void anExplicitDenyWins() {
        // given a Deny policy
        AuthorizerDecision decision = decision("Deny", "arn:aws:execute-api:us-east-1:000000000000:local/v1/*/*");

        // when and then
        assertThat(decision.allows(GET_ORDERS)).isFalse();
    }

    @Test
    void keepsThePrincipalAndContextForTheBackend() {
        // given an authorizer answer with context
        AuthorizerDecision decision = decision("Allow", "*");

        // when and then
        assertThat(decision.principalId()).isEqualTo("alice");
        assertThat(decision.context()).containsEntry("scopes", "orders:read");
    }

    private static AuthorizerDecision decision(String effect, String resource) {
        return AuthorizerDecision.parse(JSON.readTree("""
                {"principalId":"alice",
                 "policyDocument":{"Version":"2012-10-17","Statement":[
                   {"Action":"execute-api:Invoke","Effect":"%s","Resource":["%s"]}]},
                 "context":{"scopes":"orders:read"}}
                """.formatted(effect, resource)));
    }
}
