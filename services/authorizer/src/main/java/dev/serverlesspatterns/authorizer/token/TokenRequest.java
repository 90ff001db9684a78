package dev.serverlesspatterns.authorizer.token;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlesspatterns.platform.api.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The form body of a token request ({@code application/x-www-form-urlencoded}, RFC 6749 appendix B). */
record TokenRequest(Map<String, String> parameters) {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_BODY_CHARS = 8192;

    static TokenRequest from(APIGatewayProxyRequestEvent request) {
        String contentType = Headers.first(request.getHeaders(), "Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw OAuthError.invalidRequest("Send the token request as " + FORM + ".");
        }
        return new TokenRequest(parse(body(request)));
    }

    /** A parameter sent without a value counts as omitted (RFC 6749 section 3.1). */
    String get(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String body(APIGatewayProxyRequestEvent request) {
        String body = request.getBody();
        if (body == null) {
            return "";
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw OAuthError.invalidRequest("The token request is too large.");
        }
        if (Boolean.TRUE.equals(request.getIsBase64Encoded())) {
            try {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                throw OAuthError.invalidRequest("The token request body is not valid base64.");
            }
        }
        return body;
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            // RFC 6749 section 3.2: a parameter must not appear more than once.
            if (parameters.putIfAbsent(name, value) != null) {
                throw OAuthError.invalidRequest("The parameter '" + name + "' appears more than once.");
            }
        }
        return parameters;
    }

    static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw OAuthError.invalidRequest("The token request is not correctly URL-encoded.");
        }
    }
}
