package dev.serverlesspatterns.authorizer;

import tools.jackson.databind.JsonNode;

/** What a function behind API Gateway answers: {@code {statusCode, headers, body}}. */
public record ProxyResponse(int statusCode, JsonNode headers, String body) {

    static ProxyResponse of(JsonNode output) {
        return new ProxyResponse(
                output.path("statusCode").asInt(),
                output.path("headers"),
                output.path("body").asString());
    }

    public String header(String name) {
        return headers.path(name).asString();
    }

    public JsonNode json() {
        return Events.parse(body);
    }

    /** The machine-readable problem code of an error response of the admin API. */
    public String problemCode() {
        return json().path("code").asString();
    }
}
