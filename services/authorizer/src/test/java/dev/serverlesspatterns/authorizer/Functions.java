package dev.serverlesspatterns.authorizer;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's functions, called through the {@link LambdaHarness} as API Gateway calls them: each with the request
 * its {@link Events} fixture makes, or with an event a test changed. Tests receive it from {@link AuthorizerExtension}.
 */
public final class Functions {

    private final LambdaHarness lambda;

    public Functions(LambdaHarness lambda) {
        this.lambda = lambda;
    }

    /** Fails with {@code LambdaFunctionException("Unauthorized")} where the authorizer rejects the token. */
    public Policy authorize(String authorizationToken) {
        return authorize(Events.authorizeRequest(authorizationToken));
    }

    public Policy authorize(ObjectNode event) {
        return new Policy(invoke("AuthorizeRequestFunction", event));
    }

    public ProxyResponse issueToken(String authorization, String formBody) {
        return issueToken(Events.issueToken(authorization, formBody));
    }

    public ProxyResponse issueToken(ObjectNode event) {
        return ProxyResponse.of(invoke("IssueTokenFunction", event));
    }

    public ProxyResponse createUser(String userId, String... scopes) {
        return createUser(Events.createUser(userId, scopes));
    }

    public ProxyResponse createUser(ObjectNode event) {
        return ProxyResponse.of(invoke("CreateUserFunction", event));
    }

    public ProxyResponse grantScope(String userId, String scope) {
        return grantScope(Events.grantScope(userId, scope));
    }

    public ProxyResponse grantScope(ObjectNode event) {
        return ProxyResponse.of(invoke("GrantScopeFunction", event));
    }

    public ProxyResponse revokeScope(String userId, String scope) {
        return revokeScope(Events.revokeScope(userId, scope));
    }

    public ProxyResponse revokeScope(ObjectNode event) {
        return ProxyResponse.of(invoke("RevokeScopeFunction", event));
    }

    public ProxyResponse disableUser(String userId) {
        return disableUser(Events.disableUser(userId));
    }

    public ProxyResponse disableUser(ObjectNode event) {
        return ProxyResponse.of(invoke("DisableUserFunction", event));
    }

    private JsonNode invoke(String function, ObjectNode event) {
        return Events.parse(lambda.invoke(function, Events.json(event)));
    }
}
