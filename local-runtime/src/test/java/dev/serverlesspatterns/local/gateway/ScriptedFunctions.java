package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stands in for the template's functions behind our function host interface: answers as scripted, records events. */
final class ScriptedFunctions implements LambdaInvoker {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Function<JsonNode, InvocationResult>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> events = new ConcurrentHashMap<>();

    ScriptedFunctions answering(String functionLogicalId, Function<JsonNode, InvocationResult> answer) {
        answers.put(functionLogicalId, answer);
        return this;
    }

    @Override
    public InvocationResult invoke(String functionLogicalId, byte[] event) {
        JsonNode json = JSON.readTree(event);
        events.computeIfAbsent(functionLogicalId, id -> new CopyOnWriteArrayList<>())
                .add(json);
        Function<JsonNode, InvocationResult> answer = answers.get(functionLogicalId);
        if (answer == null) {
            throw new IllegalStateException("No answer scripted for " + functionLogicalId);
        }
        return answer.apply(json);
    }

    /** The events the function received, oldest first. */
    List<JsonNode> events(String functionLogicalId) {
        return List.copyOf(events.getOrDefault(functionLogicalId, List.of()));
    }

    void forget() {
        events.clear();
    }

    static InvocationResult returning(String payload) {
        return new InvocationResult(payload.getBytes(StandardCharsets.UTF_8), null);
    }

    /** What Lambda reports for a handler that threw: the message in the payload, {@code Unhandled} as function error. */
    static InvocationResult throwing(String message) {
        return new InvocationResult(
                JSON.writeValueAsBytes(Map.of("errorMessage", message, "errorType", "java.lang.RuntimeException")),
                "Unhandled");
    }

    /** An authorizer's IAM policy answer for every method of the stage the request's method ARN names. */
    static InvocationResult policy(String effect, JsonNode authorizerEvent) {
        String[] arn = authorizerEvent.path("methodArn").asString().split("/");
        String stage = arn[0] + "/" + arn[1] + "/*/*";
        return returning("""
                {"principalId":"merchant-42",
                 "policyDocument":{"Version":"2012-10-17","Statement":[
                   {"Action":"execute-api:Invoke","Effect":"%s","Resource":"%s"}]},
                 "context":{"merchant":"merchant-42"}}
                """.formatted(effect, stage));
    }

    /** A header of a recorded API Gateway event, whatever the case of its name. */
    static String header(JsonNode event, String name) {
        return event.path("headers").properties().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(header -> header.getValue().asString())
                .findFirst()
                .orElse(null);
    }
}
