package dev.serverlesspatterns.authorizer.gatekeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StagePolicyTest {

    private static final String METHOD_ARN = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/orders";
    private static final Set<String> EVERY_ROUTE_SCOPE = Set.copyOf(StagePolicy.INTEGRATION_ROUTE_SCOPES.values());

    @Test
    void widensTheMethodArnToEveryMethodAndPathOfTheStage() {
        // when
        String resource = StagePolicy.stageWildcard(METHOD_ARN);

        // then
        assertThat(resource).isEqualTo("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/*/*");
    }

    @Test
    void policyCachedForOneRouteAllowsEveryOtherRouteOfTheStage() {
        // given the policy API Gateway caches after a call to GET /orders
        IamPolicyResponse policy = StagePolicy.allow("user-1", METHOD_ARN, Map.of(), EVERY_ROUTE_SCOPE);
        String resource = resourceOf(policy);

        // when / then: a policy scoped to the first methodArn would deny these with 403
        assertThat(IamResource.matches(resource, METHOD_ARN)).isTrue();
        assertThat(IamResource.matches(
                        resource, "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/DELETE/orders/o-42"))
                .isTrue();
        assertThat(IamResource.matches(
                        resource,
                        "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/POST/admin/users/u1/disable"))
                .isTrue();
    }

    @Test
    void policyStaysWithinItsApiAndStage() {
        // given
        String resource = resourceOf(StagePolicy.allow("user-1", METHOD_ARN, Map.of(), EVERY_ROUTE_SCOPE));

        // when / then
        assertThat(IamResource.matches(
                        resource, "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/test/GET/orders"))
                .isFalse();
        assertThat(IamResource.matches(
                        resource, "arn:aws:execute-api:eu-west-1:123456789012:zzzzzzzzzz/prod/GET/orders"))
                .isFalse();
    }

    @Test
    void allowCarriesPrincipalAndContext() {
        // when
        IamPolicyResponse policy = StagePolicy.allow(
                "user-1", METHOD_ARN, Map.of("principalId", "user-1", "scopes", "orders:read"), EVERY_ROUTE_SCOPE);

        // then
        assertThat(policy.getPrincipalId()).isEqualTo("user-1");
        assertThat(policy.getContext()).containsEntry("scopes", "orders:read");
        assertThat(statementOf(policy)).containsEntry("Effect", "Allow").containsEntry("Action", "execute-api:Invoke");
    }

    @Test
    void denyCoversTheWholeStageToo() {
        // when
        IamPolicyResponse policy = StagePolicy.deny("user-1", METHOD_ARN);

        // then
        assertThat(statementOf(policy)).containsEntry("Effect", "Deny");
        assertThat(resourceOf(policy)).isEqualTo("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/*/*");
        assertThat(policy.getContext()).isEmpty();
    }

    @Test
    void keepsThePartitionOfTheMethodArn() {
        // when
        String resource =
                StagePolicy.stageWildcard("arn:aws-cn:execute-api:cn-north-1:123456789012:a1b2c3d4e5/prod/GET/orders");

        // then
        assertThat(resource).isEqualTo("arn:aws-cn:execute-api:cn-north-1:123456789012:a1b2c3d4e5/prod/*/*");
    }

    @Test
    void refusesAnArnThatIsNotAnApiGatewayMethod() {
        // when / then
        assertThatThrownBy(() -> StagePolicy.stageWildcard("arn:aws:lambda:us-east-1:123456789012:function:f"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StagePolicy.stageWildcard("arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StagePolicy.stageWildcard(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deniesAnIntegrationRouteToACallerWithoutItsScopeAndAllowsTheRest() {
        // given a caller whose scopes lack customers:write
        IamPolicyResponse policy =
                StagePolicy.allow("user-1", METHOD_ARN, Map.of(), Set.of("orders:read", "orders:write"));
        Object[] statements = (Object[]) policy.getPolicyDocument().get("Statement");

        // when / then: an explicit Deny of POST /delivery-addresses next to the stage-wide Allow
        assertThat(statements).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> deny = (Map<String, Object>) statements[1];
        assertThat(deny).containsEntry("Effect", "Deny");
        String resource = deny.get("Resource") instanceof String[] array
                ? array[0]
                : ((List<?>) deny.get("Resource")).getFirst().toString();
        assertThat(resource)
                .isEqualTo("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/POST/delivery-addresses");
        assertThat(IamResource.matches(
                        resource, "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/POST/delivery-addresses"))
                .isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statementOf(IamPolicyResponse policy) {
        Object[] statements = (Object[]) policy.getPolicyDocument().get("Statement");
        assertThat(statements).hasSize(1);
        return (Map<String, Object>) statements[0];
    }

    private static String resourceOf(IamPolicyResponse policy) {
        Object resource = statementOf(policy).get("Resource");
        return resource instanceof String[] array
                ? array[0]
                : ((List<?>) resource).getFirst().toString();
    }
}
