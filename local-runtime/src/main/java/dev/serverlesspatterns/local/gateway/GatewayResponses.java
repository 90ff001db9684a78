package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.template.RestApiDefinition.GatewayResponse;
import java.util.Map;

/** API Gateway's built-in gateway responses, used where the template does not customise them. */
final class GatewayResponses {

    static final Map<String, GatewayResponse> DEFAULTS = Map.of(
            "UNAUTHORIZED", new GatewayResponse(401, "{\"message\":\"Unauthorized\"}"),
            "ACCESS_DENIED",
                    new GatewayResponse(403, "{\"message\":\"User is not authorized to access this resource\"}"),
            "MISSING_AUTHENTICATION_TOKEN", new GatewayResponse(403, "{\"message\":\"Missing Authentication Token\"}"),
            "AUTHORIZER_FAILURE", new GatewayResponse(500, "{\"message\":null}"),
            "REQUEST_TOO_LARGE", new GatewayResponse(413, "{\"message\":\"Request Too Long\"}"));

    private GatewayResponses() {}

    static String errorType(String type) {
        return switch (type) {
            case "UNAUTHORIZED" -> "UnauthorizedException";
            case "ACCESS_DENIED" -> "AccessDeniedException";
            case "MISSING_AUTHENTICATION_TOKEN" -> "MissingAuthenticationTokenException";
            case "REQUEST_TOO_LARGE" -> "RequestTooLargeException";
            default -> "AuthorizerConfigurationException";
        };
    }
}
