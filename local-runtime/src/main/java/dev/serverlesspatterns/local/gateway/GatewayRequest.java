package dev.serverlesspatterns.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One method request as API Gateway sees it once routed: what every step (authorizer, validator, integration) reads.
 *
 * @param resourcePath the route's path as declared, such as {@code /orders/{orderId}}
 * @param path the request's path below the stage
 */
record GatewayRequest(
        HttpExchange exchange,
        String requestId,
        Instant time,
        String apiId,
        String stage,
        String method,
        String resourcePath,
        String path,
        Map<String, String> pathParameters,
        byte[] body,
        String methodArn) {

    /** A header's first value, whatever case the client spelled its name in; {@code null} when absent. */
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The query string's parameters, decoded, each with all its values in order. */
    Map<String, List<String>> queryParameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            parameters
                    .computeIfAbsent(decode(parts[0]), name -> new ArrayList<>())
                    .add(parts.length > 1 ? decode(parts[1]) : "");
        }
        return parameters;
    }

    /** A query parameter's last value, as API Gateway's single-value view keeps it; {@code null} when absent. */
    String queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null ? null : values.getLast();
    }

    /** The body's media type without parameters; API Gateway takes a request without one as JSON. */
    String mediaType() {
        String contentType = header("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            return "application/json";
        }
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String sourceIp() {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
