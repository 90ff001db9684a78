package dev.serverlesspatterns.audit.event;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** An API Gateway REST proxy event read from a fixture under {@code events/}, changed where a test needs it. */
final class ApiEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode event;

    private ApiEvent(ObjectNode event) {
        this.event = event;
    }

    static ApiEvent fixture(String name) {
        try (InputStream in = ApiEvent.class.getClassLoader().getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource events/" + name);
            }
            return new ApiEvent((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ApiEvent scopes(String scopes) {
        ((ObjectNode) event.get("requestContext").get("authorizer")).put("scopes", scopes);
        return this;
    }

    ApiEvent body(String body) {
        event.put("body", body);
        return this;
    }

    String body() {
        return event.get("body").asString();
    }

    ProxyResponse sendTo(LambdaHarness lambda) {
        return ProxyResponse.parse(lambda.invoke("PublishAuditEventFunction", JSON.writeValueAsString(event)));
    }
}
