package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stands in for a function invoked synchronously: records each event with when it ran, answers as scripted. */
final class RecordingInvoker implements LambdaInvoker {

    /** One invocation, with the monotonic times it started and returned. */
    record Invocation(String functionLogicalId, JsonNode event, long startedNanos, long finishedNanos) {

        List<JsonNode> records() {
            return event.path("Records").valueStream().toList();
        }

        boolean overlaps(Invocation other) {
            return startedNanos < other.finishedNanos && other.startedNanos < finishedNanos;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Function<JsonNode, InvocationResult> answer;
    private final Duration duration;
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();

    private RecordingInvoker(Function<JsonNode, InvocationResult> answer, Duration duration) {
        this.answer = answer;
        this.duration = duration;
    }

    static RecordingInvoker answering(Function<JsonNode, InvocationResult> answer) {
        return new RecordingInvoker(answer, Duration.ZERO);
    }

    static RecordingInvoker succeeding() {
        return answering(event -> result("null"));
    }

    static RecordingInvoker failing() {
        return answering(event -> functionError());
    }

    /** What an invocation returns when the function threw. */
    static InvocationResult functionError() {
        return new InvocationResult(
                "{\"errorMessage\":\"poison\",\"errorType\":\"java.lang.IllegalStateException\"}"
                        .getBytes(StandardCharsets.UTF_8),
                "Unhandled");
    }

    /** The same answers, each after running for the given time. */
    RecordingInvoker taking(Duration time) {
        return new RecordingInvoker(answer, time);
    }

    static InvocationResult result(String payload) {
        return new InvocationResult(payload.getBytes(StandardCharsets.UTF_8), null);
    }

    @Override
    public InvocationResult invoke(String functionLogicalId, byte[] event) {
        long started = System.nanoTime();
        JsonNode json = JSON.readTree(event);
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        InvocationResult result = answer.apply(json);
        invocations.add(new Invocation(functionLogicalId, json, started, System.nanoTime()));
        return result;
    }

    List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    List<JsonNode> records() {
        return invocations.stream()
                .flatMap(invocation -> invocation.records().stream())
                .toList();
    }

    List<String> bodies() {
        return records().stream().map(record -> record.path("body").asString()).toList();
    }

    /** The most invocations that ran at the same moment. */
    int peakConcurrency() {
        List<Invocation> all = invocations();
        return all.stream()
                .mapToInt(invocation -> (int) all.stream()
                        .filter(other -> other.startedNanos() <= invocation.startedNanos()
                                && invocation.startedNanos() < other.finishedNanos())
                        .count())
                .max()
                .orElse(0);
    }
}
