package dev.serverlesspatterns.local.testing;

import tools.jackson.databind.node.ObjectNode;

/**
 * An API Gateway REST proxy event read from a fixture under {@code events/}, changed where a test needs it and sent
 * to a function. Single- and multi-value maps change together, and paths follow path parameters, as API Gateway
 * fills them; the authorizer's context is what a Lambda authorizer handed the backend.
 */
public final class ApiEvent {

    private final ObjectNode event;

    private ApiEvent(ObjectNode event) {
        this.event = event;
    }

    /** The fixture {@code events/<name>}. */
    public static ApiEvent fixture(String name) {
        return new ApiEvent(Fixtures.event(name));
    }

    /** The caller the authorizer identified. */
    public ApiEvent principal(String principalId) {
        authorizer().put("principalId", principalId);
        return this;
    }

    /** The scopes the authorizer says the caller holds, space-separated. */
    public ApiEvent scopes(String scopes) {
        authorizer().put("scopes", scopes);
        return this;
    }

    /** A request that reached the function without passing the authorizer. */
    public ApiEvent withoutAuthorizer() {
        requestContext().remove("authorizer");
        return this;
    }

    public ApiEvent body(String body) {
        event.put("body", body);
        return this;
    }

    /** Replaces the body with the test resource {@code bodies/<name>}, byte for byte. */
    public ApiEvent bodyFrom(String name) {
        return body(Fixtures.text("bodies/" + name));
    }

    /** Says the body is base64-encoded, as API Gateway does for binary media types. */
    public ApiEvent base64Encoded() {
        event.put("isBase64Encoded", true);
        return this;
    }

    public String body() {
        return event.get("body").asString();
    }

    public ApiEvent header(String name, String value) {
        object("headers").put(name, value);
        object("multiValueHeaders").putArray(name).add(value);
        return this;
    }

    public ApiEvent withoutHeader(String name) {
        object("headers").remove(name);
        object("multiValueHeaders").remove(name);
        return this;
    }

    /** Sets one path parameter and rewrites both paths from the fixture's resource, as API Gateway fills them. */
    public ApiEvent pathParameter(String name, String value) {
        ObjectNode parameters = object("pathParameters");
        parameters.put(name, value);
        String path = event.get("resource").asString();
        for (var parameter : parameters.properties()) {
            path = path.replace(
                    "{" + parameter.getKey() + "}", parameter.getValue().asString());
        }
        event.put("path", path);
        requestContext().put("path", "/" + requestContext().get("stage").asString() + path);
        return this;
    }

    public ApiEvent query(String name, String value) {
        object("queryStringParameters").put(name, value);
        object("multiValueQueryStringParameters").putArray(name).add(value);
        return this;
    }

    /** Invokes the template function with this event, as API Gateway's proxy integration does. */
    public ProxyResponse sendTo(LambdaHarness lambda, String functionLogicalId) {
        return ProxyResponse.parse(lambda.invoke(functionLogicalId, toString()));
    }

    /** The event as the function receives it. */
    @Override
    public String toString() {
        return Fixtures.JSON.writeValueAsString(event);
    }

    private ObjectNode requestContext() {
        return (ObjectNode) event.get("requestContext");
    }

    private ObjectNode authorizer() {
        return (ObjectNode) requestContext().get("authorizer");
    }

    /** A map that a fixture may hold as JSON null, as API Gateway sends when the request has none. */
    private ObjectNode object(String name) {
        return event.get(name) instanceof ObjectNode existing ? existing : event.putObject(name);
    }
}
