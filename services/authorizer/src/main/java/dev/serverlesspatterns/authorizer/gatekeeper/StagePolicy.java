package dev.serverlesspatterns.authorizer.gatekeeper;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the IAM policy API Gateway caches per token. Its resource is the whole stage
 * ({@code arn:aws:execute-api:region:account:api/stage/*}{@code /*}), never the one methodArn that was asked
 * about: the cached policy answers every route the same token calls next, and a policy scoped to the first
 * route would deny all the others with 403 until the cache expires. Routes behind a function check scopes
 * themselves; a route without one (an AWS service integration) cannot, so the policy denies it explicitly, for the
 * whole cache lifetime as well, to a caller without the route's scope.
 */
final class StagePolicy {

    /** The routes without a function, as {@code METHOD/path} under the stage, and the scope each requires. */
    static final Map<String, String> INTEGRATION_ROUTE_SCOPES = Map.of("POST/delivery-addresses", "customers:write");

    private StagePolicy() {}

    static IamPolicyResponse allow(
            String principalId, String methodArn, Map<String, Object> context, Set<String> scopes) {
        List<IamPolicyResponse.Statement> statements = new ArrayList<>();
        statements.add(statement(IamPolicyResponse.ALLOW, stageWildcard(methodArn)));
        String stage = stageWildcard(methodArn).replace("/*/*", "/");
        INTEGRATION_ROUTE_SCOPES.forEach((route, scope) -> {
            if (!scopes.contains(scope)) {
                statements.add(statement(IamPolicyResponse.DENY, stage + route));
            }
        });
        return policy(principalId, statements, context);
    }

    static IamPolicyResponse deny(String principalId, String methodArn) {
        return policy(principalId, List.of(statement(IamPolicyResponse.DENY, stageWildcard(methodArn))), Map.of());
    }

    /**
     * {@code arn:aws:execute-api:us-east-1:123456789012:abc123/v1/GET/orders} becomes
     * {@code arn:aws:execute-api:us-east-1:123456789012:abc123/v1/*}{@code /*}.
     */
    static String stageWildcard(String methodArn) {
        String[] arn = methodArn == null ? new String[0] : methodArn.split(":", 6);
        if (arn.length != 6 || !arn[0].equals("arn") || !arn[2].equals("execute-api")) {
            throw new IllegalArgumentException("Not an execute-api method ARN: " + methodArn);
        }
        String[] path = arn[5].split("/", 3);
        if (path.length < 2 || path[0].isEmpty() || path[1].isEmpty()) {
            throw new IllegalArgumentException("The method ARN names no API and stage: " + methodArn);
        }
        return String.join(":", arn[0], arn[1], arn[2], arn[3], arn[4], path[0] + "/" + path[1] + "/*/*");
    }

    private static IamPolicyResponse.Statement statement(String effect, String resource) {
        return IamPolicyResponse.Statement.builder()
                .withAction(IamPolicyResponse.EXECUTE_API_INVOKE)
                .withEffect(effect)
                .withResource(List.of(resource))
                // IamPolicyResponse writes "Condition" even when unset, and API Gateway refuses "Condition": null
                // as a configuration error (500); an empty condition block means "no condition".
                .withCondition(Map.of())
                .build();
    }

    private static IamPolicyResponse policy(
            String principalId, List<IamPolicyResponse.Statement> statements, Map<String, Object> context) {
        return IamPolicyResponse.builder()
                .withPrincipalId(principalId)
                .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                        .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                        .withStatement(statements)
                        .build())
                .withContext(context)
                .build();
    }
}
