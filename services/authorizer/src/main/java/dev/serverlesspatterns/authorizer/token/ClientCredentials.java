package dev.serverlesspatterns.authorizer.token;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlesspatterns.platform.api.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How the client proved who it is: HTTP Basic ({@code curl -u id:secret}) or the form fields {@code client_id}
 * and {@code client_secret} (RFC 6749 section 2.3.1). Using both at once is refused.
 */
record ClientCredentials(String clientId, String clientSecret) {

    private static final String BASIC = "Basic ";

    static ClientCredentials from(APIGatewayProxyRequestEvent request, TokenRequest form) {
        String authorization = Headers.first(request.getHeaders(), "Authorization");
        if (authorization == null) {
            String clientId = form.get("client_id");
            String clientSecret = form.get("client_secret");
            if (clientId == null || clientSecret == null) {
                throw OAuthError.invalidClient();
            }
            return new ClientCredentials(clientId, clientSecret);
        }
        ClientCredentials basic = basic(authorization);
        if (form.get("client_secret") != null) {
            throw OAuthError.invalidRequest("Authenticate with HTTP Basic or with form fields, not both.");
        }
        String formClientId = form.get("client_id");
        if (formClientId != null && !formClientId.equals(basic.clientId())) {
            throw OAuthError.invalidRequest("client_id does not match the authenticated client.");
        }
        return basic;
    }

    private static ClientCredentials basic(String authorization) {
        if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw OAuthError.invalidClient();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw OAuthError.invalidClient();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw OAuthError.invalidClient();
        }
        // RFC 6749 form-encodes both parts before Basic encoding; ids and secrets issued here are unchanged by it.
        return new ClientCredentials(
                TokenRequest.decode(decoded.substring(0, colon)), TokenRequest.decode(decoded.substring(colon + 1)));
    }
}
