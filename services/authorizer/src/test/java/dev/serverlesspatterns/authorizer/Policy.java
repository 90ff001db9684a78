package dev.serverlesspatterns.authorizer;

import tools.jackson.databind.JsonNode;

/** What the TOKEN authorizer answers API Gateway: a policy for the caller, and the context handed to the backend. */
public record Policy(JsonNode json) {

    public String principalId() {
        return json.path("principalId").asString();
    }

    public JsonNode document() {
        return json.path("policyDocument");
    }

    /** The first statement, the only one the authorizer writes. */
    public JsonNode statement() {
        return document().path("Statement").get(0);
    }

    public String effect() {
        return statement().path("Effect").asString();
    }

    public String resource() {
        return statement().path("Resource").get(0).asString();
    }

    public JsonNode context() {
        return json.path("context");
    }

    /** The scopes the backend is told the caller holds. */
    public String scopes() {
        return context().path("scopes").asString();
    }
}
