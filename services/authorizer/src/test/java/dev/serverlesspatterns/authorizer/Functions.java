package dev.serverlesspatterns.authorizer;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.ProxyResponse;
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
        return new Policy(Events.parse(lambda.invoke("AuthorizeRequestFunction", Events.json(event))));
    }

    public ProxyResponse issueToken(String authorization, String formBody) {
        return issueToken(Events.issueToken(authorization, formBody));
    }

    public ProxyResponse issueToken(ApiEvent event) {
        return event.sendTo(lambda, "IssueTokenFunction");
    }

    public ProxyResponse createUser(String userId, String... scopes) {
        return createUser(Events.createUser(userId, scopes));
    }

    public ProxyResponse createUser(ApiEvent event) {
        return event.sendTo(lambda, "CreateUserFunction");
    }

    public ProxyResponse grantScope(String userId, String scope) {
        return grantScope(Events.grantScope(userId, scope));
    }

    public ProxyResponse grantScope(ApiEvent event) {
        return event.sendTo(lambda, "GrantScopeFunction");
    }

    public ProxyResponse revokeScope(String userId, String scope) {
        return revokeScope(Events.revokeScope(userId, scope));
    }

    public ProxyResponse revokeScope(ApiEvent event) {
        return event.sendTo(lambda, "RevokeScopeFunction");
    }

    public ProxyResponse disableUser(String userId) {
        return disableUser(Events.disableUser(userId));
    }

    public ProxyResponse disableUser(ApiEvent event) {
        return event.sendTo(lambda, "DisableUserFunction");
    }
}
