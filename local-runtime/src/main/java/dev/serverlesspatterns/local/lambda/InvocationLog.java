package dev.serverlesspatterns.local.lambda;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts invocations per function and how many ran at the same time, so a run can show which function a request
 * reached, how often, and whether a concurrency cap held (the peak is measured around each invocation).
 */
public final class InvocationLog {

    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    /** Marks an invocation as running until the returned handle is closed. */
    Running started(String functionLogicalId) {
        Counters function = counters.computeIfAbsent(functionLogicalId, id -> new Counters());
        function.count.incrementAndGet();
        function.peak.accumulateAndGet(function.inFlight.incrementAndGet(), Math::max);
        return function.inFlight::decrementAndGet;
    }

    public int count(String functionLogicalId) {
        Counters function = counters.get(functionLogicalId);
        return function == null ? 0 : function.count.get();
    }

    /** The most invocations of the function that were ever in flight at once. */
    public int peakConcurrency(String functionLogicalId) {
        Counters function = counters.get(functionLogicalId);
        return function == null ? 0 : function.peak.get();
    }

    /** An invocation in flight. */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Counters {
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger peak = new AtomicInteger();
    }
}
