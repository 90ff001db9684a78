package dev.serverlesspatterns.local.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a function behind an API Gateway proxy integration answers, {@code {statusCode, headers, body}}, read from
 * its raw output, so tests assert on status, headers and body as a client of the API would see them.
 */
public record ProxyResponse(int statusCode, Map<String, String> headers, String body) {

    public static ProxyResponse parse(String output) {
        JsonNode root = Fixtures.JSON.readTree(output);
        Map<String, String> headers = new LinkedHashMap<>();
        root.path("headers")
                .properties()
                .forEach(
                        header -> headers.put(header.getKey(), header.getValue().asString()));
        return new ProxyResponse(
                root.path("statusCode").asInt(), headers, root.path("body").asString(null));
    }

    /** The header's value, null when the response has none. */
    public String header(String name) {
        return headers.get(name);
    }

    public JsonNode json() {
        return Fixtures.JSON.readTree(body);
    }

    /** The machine-readable {@code code} of an RFC 9457 problem response. */
    public String problemCode() {
        return json().path("code").asString();
    }
}
