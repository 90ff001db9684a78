package dev.serverlesspatterns.local.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Faults a test injects into the functions the local runtime hosts, to show how their callers cope with a slow or
 * failing dependency: a delay before the function runs (a slow network, a cold start) or a function error after it
 * ran. The real function always runs and does its real work; only what its caller waits for and gets back changes.
 * A fault applies to the invocations of one function whose event contains a marker (an id of the test's own data),
 * so flows that share the suite are not touched, and it lasts until the returned handle is closed.
 */
public final class FunctionFaults {

    /** The {@code errorType} of an injected function error, so a log or a test can tell it from a real one. */
    public static final String INJECTED_ERROR_TYPE = "LocalRuntime.InjectedFault";

    private final Map<String, List<Fault>> faults = new ConcurrentHashMap<>();

    /** Delays every matching invocation by {@code delay} before the function runs; its Timeout starts after it. */
    public Fault delay(String functionLogicalId, String marker, Duration delay) {
        return add(new Fault(functionLogicalId, marker, delay, false));
    }

    /** Lets every matching invocation run, then reports it as an {@code Unhandled} function error. */
    public Fault fail(String functionLogicalId, String marker) {
        return add(new Fault(functionLogicalId, marker, Duration.ZERO, true));
    }

    /** Runs the invocation with the faults that match it. */
    InvocationResult apply(String functionLogicalId, byte[] event, Supplier<InvocationResult> invocation) {
        List<Fault> registered = faults.get(functionLogicalId);
        if (registered == null || registered.isEmpty()) {
            return invocation.get();
        }
        String text = new String(event, StandardCharsets.UTF_8);
        List<Fault> matching =
                registered.stream().filter(fault -> text.contains(fault.marker)).toList();
        Duration delay = matching.stream().map(fault -> fault.delay).reduce(Duration.ZERO, Duration::plus);
        if (delay.isPositive()) {
            sleep(delay, functionLogicalId);
        }
        InvocationResult result = invocation.get();
        if (matching.stream().anyMatch(fault -> fault.fail)) {
            return InvocationResult.environmentFailure(
                    INJECTED_ERROR_TYPE, UUID.randomUUID().toString(), "a test made " + functionLogicalId + " fail");
        }
        return result;
    }

    private Fault add(Fault fault) {
        if (fault.marker == null || fault.marker.isEmpty()) {
            throw new IllegalArgumentException("A fault needs a marker, so that it touches only the test's own data");
        }
        faults.computeIfAbsent(fault.functionLogicalId, id -> new CopyOnWriteArrayList<>())
                .add(fault);
        return fault;
    }

    private static void sleep(Duration delay, String functionLogicalId) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while delaying " + functionLogicalId, e);
        }
    }

    /** One injected fault; closing it removes it. */
    public final class Fault implements AutoCloseable {

        private final String functionLogicalId;
        private final String marker;
        private final Duration delay;
        private final boolean fail;

        private Fault(String functionLogicalId, String marker, Duration delay, boolean fail) {
            this.functionLogicalId = functionLogicalId;
            this.marker = marker;
            this.delay = delay;
            this.fail = fail;
        }

        @Override
        public void close() {
            List<Fault> registered = faults.get(functionLogicalId);
            if (registered != null) {
                registered.remove(this);
            }
        }
    }
}
