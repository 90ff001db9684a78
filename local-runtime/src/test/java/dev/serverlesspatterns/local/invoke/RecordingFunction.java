package dev.serverlesspatterns.local.invoke;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double of a hosted function: it records every invocation and answers as scripted, failing its first
 * calls (or all of them) with an unhandled error and returning a fixed payload otherwise.
 */
final class RecordingFunction implements LambdaInvoker {

    static final String ERROR = "{\"errorMessage\":\"poison pill\",\"errorType\":\"java.lang.IllegalStateException\"}";
    static final String ANSWER = "{\"status\":\"NOTIFIED\"}";

    /** One invocation, as the function saw it. */
    record Call(String functionLogicalId, String event, long startedNanos) {}

    private final int failures;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Runnable whileRunning = () -> {};

    private RecordingFunction(int failures) {
        this.failures = failures;
    }

    static RecordingFunction succeeding() {
        return new RecordingFunction(0);
    }

    static RecordingFunction failingFirst(int failures) {
        return new RecordingFunction(failures);
    }

    static RecordingFunction alwaysFailing() {
        return new RecordingFunction(Integer.MAX_VALUE);
    }

    /** What the function does before it answers: block on a latch, or let time pass on a test clock. */
    RecordingFunction whileRunning(Runnable work) {
        this.whileRunning = work;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized InvocationResult invoke(String functionLogicalId, byte[] event) {
        calls.add(new Call(functionLogicalId, new String(event, StandardCharsets.UTF_8), System.nanoTime()));
        whileRunning.run();
        return calls.size() <= failures
                ? new InvocationResult(ERROR.getBytes(StandardCharsets.UTF_8), "Unhandled")
                : new InvocationResult(ANSWER.getBytes(StandardCharsets.UTF_8), null);
    }
}
