package dev.serverlesspatterns.local.lambda;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts invocations per function and how many ran at the same time, so a run can show which function a request
 * reached, how often, and whether a concurrency cap held (the peak is measured around each invocation). A test that
 * shares the suite with other flows counts only the invocations that carry its own marker ({@link #watch}).
 */
public final class InvocationLog {

    private final Map<String, Counters> counters = new ConcurrentHashMap<>();
    private final Map<String, List<Watch>> watches = new ConcurrentHashMap<>();

    /** Marks an invocation as running until the returned handle is closed. */
    Running started(String functionLogicalId, byte[] event) {
        Counters function = counters.computeIfAbsent(functionLogicalId, id -> new Counters());
        function.count.incrementAndGet();
        List<Watch> watching = watches.get(functionLogicalId);
        if (watching != null && !watching.isEmpty()) {
            String text = new String(event, StandardCharsets.UTF_8);
            watching.stream()
                    .filter(watch -> text.contains(watch.marker))
                    .forEach(watch -> watch.count.incrementAndGet());
        }
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

    /**
     * Counts, from now until it is closed, the invocations of the function whose event contains the marker (a text
     * without JSON escapes, such as an id, since a message body arrives escaped inside the event).
     */
    public Watch watch(String functionLogicalId, String marker) {
        Watch watch = new Watch(marker, functionLogicalId);
        watches.computeIfAbsent(functionLogicalId, id -> new CopyOnWriteArrayList<>())
                .add(watch);
        return watch;
    }

    /** The invocations of one function that carried one marker. */
    public final class Watch implements AutoCloseable {
        private final String marker;
        private final String functionLogicalId;
        private final AtomicInteger count = new AtomicInteger();

        private Watch(String marker, String functionLogicalId) {
            this.marker = marker;
            this.functionLogicalId = functionLogicalId;
        }

        public int count() {
            return count.get();
        }

        @Override
        public void close() {
            watches.get(functionLogicalId).remove(this);
        }
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
