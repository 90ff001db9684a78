package dev.serverlesspatterns.audit.event;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The raw output of a function as Lambda hands it to API Gateway: {@code {statusCode, headers, body}}. */
record ProxyResponse(int statusCode, Map<String, String> headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ProxyResponse parse(String output) {
        JsonNode root = JSON.readTree(output);
        Map<String, String> headers = new LinkedHashMap<>();
        root.path("headers")
                .properties()
                .forEach(
                        header -> headers.put(header.getKey(), header.getValue().asString()));
        return new ProxyResponse(
                root.path("statusCode").asInt(), headers, root.path("body").asString(null));
    }

    JsonNode json() {
        return JSON.readTree(body);
    }
}
