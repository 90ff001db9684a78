package dev.serverlesspatterns.authorizer.gatekeeper;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import dev.serverlesspatterns.authorizer.users.Scopes;
import dev.serverlesspatterns.authorizer.users.User;
import dev.serverlesspatterns.authorizer.users.Users;
import dev.serverlesspatterns.platform.api.Caller;
import dev.serverlesspatterns.platform.api.Unauthorized;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The TOKEN authorizer. A token that fails verification ends with "Unauthorized" (the gateway answers 401); a
 * valid token of an unknown or disabled user gets an explicit Deny (403); everyone else an Allow over the stage
 * with their current scopes in the context, where {@link Caller} reads them. The bootstrap admin has no row, so
 * its self-issued token is trusted for the scopes it carries, at most {@code admin}.
 *
 * <p>Returns {@link IamPolicyResponse}, never a Map: Spring Cloud Function would wrap a Map as an HTTP response.
 */
@Component("authorizeRequest")
class AuthorizeRequest implements Function<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {

    private static final Logger log = LoggerFactory.getLogger(AuthorizeRequest.class);
    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;
    private final Users users;

    AuthorizeRequest(TokenVerifier verifier, Users users) {
        this.verifier = verifier;
        this.users = users;
    }

    @Override
    public IamPolicyResponse apply(APIGatewayCustomAuthorizerEvent event) {
        VerifiedToken token = verify(event.getAuthorizationToken());
        String principal = token.subject();
        if (token.bootstrapAdmin()) {
            Set<String> scopes = token.effectiveScopes(Set.of(Scopes.ADMIN));
            return StagePolicy.allow(principal, event.getMethodArn(), context(principal, scopes), scopes);
        }
        Optional<User> user = users.find(principal);
        if (user.isEmpty() || !user.get().isActive()) {
            log.info("Denied {}: {}", principal, user.isEmpty() ? "no such user" : "user disabled");
            return StagePolicy.deny(principal, event.getMethodArn());
        }
        Set<String> scopes = token.effectiveScopes(user.get().scopes());
        return StagePolicy.allow(principal, event.getMethodArn(), context(principal, scopes), scopes);
    }

    private VerifiedToken verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            log.info("Rejected a request: no bearer token");
            throw new Unauthorized();
        }
        try {
            return verifier.verify(authorization.substring(BEARER.length()).trim());
        } catch (TokenVerifier.RejectedToken rejected) {
            // The reason only, never the token: it is a credential.
            log.info("Rejected a bearer token: {}", rejected.getMessage());
            throw new Unauthorized();
        }
    }

    private static Map<String, Object> context(String principal, Set<String> scopes) {
        return Map.of("principalId", principal, Caller.SCOPES_CONTEXT_KEY, Scopes.join(scopes));
    }
}
