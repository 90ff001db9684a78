package dev.serverlesspatterns.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The floor a function's cold start is compared with: a JVM that only parses the same event with Jackson 3
 * (no Spring, no AWS SDK), builds a tiny answer and exits. Whatever a function needs beyond this is the cost
 * of its framework, its clients and its own code. Reports a {@link ProbeResult} line like {@link InvokeOnce}.
 *
 * <p>Argument: the event file.
 */
public final class PlainJavaFloor {

    private PlainJavaFloor() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: PlainJavaFloor <event file>");
        }
        long mainStarted = System.currentTimeMillis();
        JsonMapper json = JsonMapper.builder().build();
        long initialized = System.currentTimeMillis();

        JsonNode answer = answerTo(json, json.readTree(Files.readAllBytes(Path.of(args[0]))));
        String response = json.writeValueAsString(answer);
        long responded = System.currentTimeMillis();

        long jvmStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
        new ProbeResult(
                        PeakRss.ofThisProcessKb(),
                        responded - jvmStarted,
                        initialized - mainStarted,
                        responded - initialized,
                        ProbeResult.outcomeOf(response))
                .printToStdout();
        System.exit(0);
    }

    /**
     * An API Gateway proxy answer for an API Gateway event ({@code httpMethod}); for any other event, the
     * first field echoed back.
     */
    static JsonNode answerTo(JsonMapper json, JsonNode event) {
        if (event.has("httpMethod")) {
            ObjectNode body = json.createObjectNode()
                    .put("method", event.path("httpMethod").asString())
                    .put("path", event.path("path").asString());
            ObjectNode answer = json.createObjectNode().put("statusCode", 200);
            answer.set("headers", json.valueToTree(Map.of("Content-Type", "application/json")));
            answer.put("body", json.writeValueAsString(body));
            return answer;
        }
        ObjectNode echo = json.createObjectNode();
        event.propertyNames().stream().findFirst().ifPresent(name -> echo.set(name, event.get(name)));
        return echo;
    }
}
