package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An API Gateway REST proxy event read from a fixture under {@code events/}, changed where a test needs it.
 * Single- and multi-value maps are changed together, as API Gateway would fill them.
 */
final class ApiEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode event;

    private ApiEvent(ObjectNode event) {
        this.event = event;
    }

    static ApiEvent fixture(String name) {
        return new ApiEvent((ObjectNode) JSON.readTree(resource("events/" + name)));
    }

    ApiEvent principal(String principalId) {
        authorizer().put("principalId", principalId);
        return this;
    }

    ApiEvent scopes(String scopes) {
        authorizer().put("scopes", scopes);
        return this;
    }

    ApiEvent body(String body) {
        event.put("body", body);
        return this;
    }

    /** Replaces the body with a file under {@code bodies/}, byte for byte. */
    ApiEvent bodyFrom(String name) {
        return body(new String(resource("bodies/" + name), StandardCharsets.UTF_8));
    }

    ApiEvent header(String name, String value) {
        object("headers").put(name, value);
        object("multiValueHeaders").putArray(name).add(value);
        return this;
    }

    ApiEvent withoutHeader(String name) {
        object("headers").remove(name);
        object("multiValueHeaders").remove(name);
        return this;
    }

    ApiEvent orderId(String orderId) {
        return pathParameter("orderId", orderId);
    }

    ApiEvent sku(String sku) {
        return pathParameter("sku", sku);
    }

    ApiEvent query(String name, String value) {
        object("queryStringParameters").put(name, value);
        object("multiValueQueryStringParameters").putArray(name).add(value);
        return this;
    }

    ProxyResponse sendTo(LambdaHarness lambda, String functionLogicalId) {
        return ProxyResponse.parse(lambda.invoke(functionLogicalId, JSON.writeValueAsString(event)));
    }

    /** Sets one path parameter and rewrites both paths from the fixture's resource, as API Gateway fills them. */
    private ApiEvent pathParameter(String name, String value) {
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

    private static byte[] resource(String path) {
        try (InputStream in = ApiEvent.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
