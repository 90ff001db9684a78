package dev.serverlesspatterns.authorizer.token;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.authorizer.users.Scopes;
import dev.serverlesspatterns.platform.api.ApiHandler;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code POST /oauth/token}: the client-credentials grant. A client may ask for a subset of its scopes with
 * {@code scope=}; without it the token carries all of them.
 */
@Component("issueToken")
class IssueToken implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Logger log = LoggerFactory.getLogger(IssueToken.class);
    private static final String CLIENT_CREDENTIALS = "client_credentials";

    private final ApiHandler api;
    private final ClientAuthenticator clients;
    private final AccessTokenIssuer issuer;
    private final TokenResponses responses;

    IssueToken(ApiHandler api, ClientAuthenticator clients, AccessTokenIssuer issuer, TokenResponses responses) {
        this.api = api;
        this.clients = clients;
        this.issuer = issuer;
        this.responses = responses;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::issue);
    }

    private APIGatewayProxyResponseEvent issue(APIGatewayProxyRequestEvent request) {
        try {
            TokenRequest form = TokenRequest.from(request);
            String grantType = form.get("grant_type");
            if (grantType == null) {
                throw OAuthError.invalidRequest("grant_type is required.");
            }
            if (!grantType.equals(CLIENT_CREDENTIALS)) {
                throw OAuthError.unsupportedGrantType();
            }
            AuthenticatedClient client = clients.authenticate(ClientCredentials.from(request, form));
            Set<String> scopes = grantedScopes(client, form.get("scope"));
            AccessTokenIssuer.IssuedToken token = issuer.issue(client, scopes);
            log.info("Issued an access token to {} with scopes [{}]", client.clientId(), token.scope());
            return responses.token(token);
        } catch (OAuthError refused) {
            log.info("Refused a token request: {}", refused.error());
            return responses.error(refused);
        }
    }

    private static Set<String> grantedScopes(AuthenticatedClient client, String requested) {
        if (requested == null) {
            return client.scopes();
        }
        Set<String> asked = Scopes.parse(requested);
        if (!client.scopes().containsAll(asked)) {
            throw OAuthError.invalidScope("The client may not ask for some of the requested scopes.");
        }
        return asked;
    }
}
