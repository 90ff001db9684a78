package dev.serverlesspatterns.authorizer.token;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token endpoint answers in RFC 6749 shape (sections 5.1 and 5.2) rather than the suite's problem details,
 * because OAuth client libraries parse exactly these fields. Nothing here may be cached: it holds credentials.
 */
@Component
class TokenResponses {

    private final JsonMapper json;

    TokenResponses(JsonMapper json) {
        this.json = json;
    }

    APIGatewayProxyResponseEvent token(AccessTokenIssuer.IssuedToken token) {
        return response(200, Map.of(), new TokenBody(token.accessToken(), "Bearer", token.expiresIn(), token.scope()));
    }

    APIGatewayProxyResponseEvent error(OAuthError error) {
        // RFC 6749 section 5.2: a failed client authentication answers 401 with a challenge.
        Map<String, String> challenge =
                error.status() == 401 ? Map.of("WWW-Authenticate", "Basic realm=\"token\"") : Map.of();
        return response(error.status(), challenge, new ErrorBody(error.error(), error.description()));
    }

    private APIGatewayProxyResponseEvent response(int status, Map<String, String> extraHeaders, Object body) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(json.writeValueAsString(body))
                .withIsBase64Encoded(false);
    }

    private record TokenBody(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("scope") String scope) {}

    private record ErrorBody(
            @JsonProperty("error") String error,
            @JsonProperty("error_description") String errorDescription) {}
}
