package dev.serverlesspatterns.authorizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** AWS event fixtures under {@code src/test/resources/events/}, read as trees a test may change before invoking. */
public final class Events {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Events() {}

    public static ObjectNode load(String name) {
        try (InputStream in = Events.class.getClassLoader().getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture events/" + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Sets a header the way API Gateway delivers it: in both the single- and the multi-value map. */
    public static ObjectNode withHeader(ObjectNode event, String name, String value) {
        ((ObjectNode) event.get("headers")).put(name, value);
        ((ObjectNode) event.get("multiValueHeaders")).putArray(name).add(value);
        return event;
    }

    public static ObjectNode withoutHeader(ObjectNode event, String name) {
        ((ObjectNode) event.get("headers")).remove(name);
        ((ObjectNode) event.get("multiValueHeaders")).remove(name);
        return event;
    }

    /** What the authorizer put in the request context: who calls, with which scopes. */
    public static ObjectNode withCaller(ObjectNode event, String principalId, String scopes) {
        ObjectNode authorizer = (ObjectNode) event.get("requestContext").get("authorizer");
        authorizer.put("principalId", principalId);
        authorizer.put("scopes", scopes);
        return event;
    }

    public static ObjectNode withPathParameter(ObjectNode event, String name, String value) {
        ((ObjectNode) event.get("pathParameters")).put(name, value);
        return event;
    }
}
