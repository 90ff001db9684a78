package dev.serverlesspatterns.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.template.FunctionDefinition.ApiEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the REST API Lambda proxy event, field for field as API Gateway sends it. */
final class ProxyEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private ProxyEvents() {}

    static ObjectNode request(
            HttpExchange exchange,
            ApiEvent route,
            Map<String, String> pathParameters,
            String path,
            String stage,
            String apiId,
            String requestId,
            byte[] body,
            AuthorizerDecision decision) {
        ObjectNode event = JSON.createObjectNode();
        String method = exchange.getRequestMethod().toUpperCase();
        event.put("resource", route.path());
        event.put("path", path);
        event.put("httpMethod", method);

        ObjectNode headers = event.putObject("headers");
        ObjectNode multiValueHeaders = event.putObject("multiValueHeaders");
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.getLast());
            ArrayNode all = multiValueHeaders.putArray(name);
            values.forEach(all::add);
        });

        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] parts = pair.split("=", 2);
                String name = decode(parts[0]);
                String value = parts.length > 1 ? decode(parts[1]) : "";
                single.put(name, value);
                (multi.has(name) ? (ArrayNode) multi.get(name) : multi.putArray(name)).add(value);
            }
        }
        if (pathParameters.isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach((name, value) -> parameters.put(name, decode(value.replace("+", "%2B"))));
        }
        event.putNull("stageVariables");

        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ObjectNode context = event.putObject("requestContext");
        context.put("resourceId", Integer.toHexString(route.path().hashCode()));
        context.put("resourcePath", route.path());
        context.put("httpMethod", method);
        context.put("extendedRequestId", requestId);
        context.put("requestTime", REQUEST_TIME.format(now));
        context.put("path", "/" + stage + path);
        context.put("accountId", AwsEndpoint.ACCOUNT_ID);
        context.put("protocol", exchange.getProtocol());
        context.put("stage", stage);
        context.put("domainPrefix", "localhost");
        context.put("requestTimeEpoch", now.toInstant().toEpochMilli());
        context.put("requestId", requestId);
        ObjectNode identity = context.putObject("identity");
        identity.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        identity.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        List.of(
                        "cognitoIdentityPoolId",
                        "accountId",
                        "cognitoIdentityId",
                        "caller",
                        "accessKey",
                        "cognitoAuthenticationType",
                        "cognitoAuthenticationProvider",
                        "userArn",
                        "user")
                .forEach(identity::putNull);
        context.put("domainName", exchange.getRequestHeaders().getFirst("Host"));
        context.put("apiId", apiId);
        if (decision != null) {
            ObjectNode authorizer = context.putObject("authorizer");
            authorizer.put("principalId", decision.principalId());
            decision.context().forEach((key, value) -> authorizer.putPOJO(key, value));
            authorizer.put("integrationLatency", 0);
        }

        if (body.length == 0) {
            event.putNull("body");
        } else {
            event.put("body", new String(body, StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
