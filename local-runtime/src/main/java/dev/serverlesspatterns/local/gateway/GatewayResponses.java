package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.template.RestApiDefinition.GatewayResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * API Gateway's gateway responses: the built-in ones, customised by the template per type or through
 * {@code DEFAULT_4XX}/{@code DEFAULT_5XX}. Their templates are not VTL: API Gateway only substitutes variables such
 * as {@code $context.error.validationErrorString}, verbatim, even inside a JSON string.
 */
final class GatewayResponses {

    private record Builtin(int status, String message, String errorType) {}

    private static final Map<String, Builtin> BUILTIN = Map.ofEntries(
            Map.entry("UNAUTHORIZED", new Builtin(401, "Unauthorized", "UnauthorizedException")),
            Map.entry(
                    "ACCESS_DENIED",
                    new Builtin(403, "User is not authorized to access this resource", "AccessDeniedException")),
            Map.entry(
                    "MISSING_AUTHENTICATION_TOKEN",
                    new Builtin(403, "Missing Authentication Token", "MissingAuthenticationTokenException")),
            Map.entry("AUTHORIZER_FAILURE", new Builtin(500, null, "AuthorizerConfigurationException")),
            Map.entry("AUTHORIZER_CONFIGURATION_ERROR", new Builtin(500, null, "AuthorizerConfigurationException")),
            Map.entry("REQUEST_TOO_LARGE", new Builtin(413, "Request Too Long", "RequestTooLargeException")),
            Map.entry("BAD_REQUEST_BODY", new Builtin(400, "Invalid request body", "BadRequestException")),
            Map.entry(
                    "BAD_REQUEST_PARAMETERS",
                    new Builtin(400, "Missing required request parameters", "BadRequestException")),
            Map.entry(
                    "UNSUPPORTED_MEDIA_TYPE",
                    new Builtin(415, "Unsupported Media Type", "UnsupportedMediaTypeException")),
            Map.entry("INTEGRATION_FAILURE", new Builtin(504, "Internal server error", "InternalServerErrorException")),
            Map.entry(
                    "INTEGRATION_TIMEOUT",
                    new Builtin(504, "Endpoint request timed out", "InternalServerErrorException")));

    private static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";
    private static final Pattern VARIABLE = Pattern.compile("\\$context(?:\\.[A-Za-z]+)+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, GatewayResponse> custom;

    GatewayResponses(Map<String, GatewayResponse> custom) {
        this.custom = Map.copyOf(custom);
    }

    /** The response type's own {@code $context.error.message}. */
    static String defaultMessage(String type) {
        return builtin(type).message();
    }

    Reply reply(GatewayRefusal refusal, String requestId) {
        String type = refusal.responseType();
        Builtin builtin = builtin(type);
        GatewayResponse own = custom.get(type);
        GatewayResponse family = custom.get(builtin.status() < 500 ? "DEFAULT_4XX" : "DEFAULT_5XX");
        GatewayResponse customised = own != null && own.body() != null ? own : family;
        int status = own != null && own.statusCode() != null ? own.statusCode() : builtin.status();
        String template = customised != null && customised.body() != null ? customised.body() : DEFAULT_TEMPLATE;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-ErrorType", builtin.errorType());
        if (family != null) {
            headers.putAll(family.headers());
        }
        if (own != null) {
            headers.putAll(own.headers());
        }
        Map<String, String> variables = Map.of(
                "$context.error.message",
                text(refusal.errorMessage()),
                "$context.error.messageString",
                JSON.writeValueAsString(refusal.errorMessage()),
                "$context.error.responseType",
                type,
                "$context.error.validationErrorString",
                text(refusal.validationErrorString()),
                "$context.requestId",
                requestId,
                "$context.extendedRequestId",
                requestId);
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder body = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    body, Matcher.quoteReplacement(variables.getOrDefault(matcher.group(), matcher.group())));
        }
        matcher.appendTail(body);
        return Reply.json(status, body.toString(), headers);
    }

    private static Builtin builtin(String type) {
        Builtin builtin = BUILTIN.get(type);
        if (builtin == null) {
            throw new IllegalArgumentException("No gateway response type " + type);
        }
        return builtin;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
