package dev.serverlesspatterns.local.lambda;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts invocations per function, so a run can show which function a request reached, and how often. */
public final class InvocationLog {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void record(String functionLogicalId) {
        counts.computeIfAbsent(functionLogicalId, id -> new AtomicInteger()).incrementAndGet();
    }

    public int count(String functionLogicalId) {
        AtomicInteger count = counts.get(functionLogicalId);
        return count == null ? 0 : count.get();
    }
}
