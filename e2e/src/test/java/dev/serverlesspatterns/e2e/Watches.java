package dev.serverlesspatterns.e2e;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.lambda.InvocationLog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each function's invocations that carry one test's marker (an id in the events), from now until closed. Unlike the
 * suite's run counts, other tests' flows that still travel through the same functions do not change them.
 */
final class Watches implements AutoCloseable {

    private final Map<String, InvocationLog.Watch> byFunction = new LinkedHashMap<>();

    private Watches() {}

    static Watches of(LocalSuite suite, String marker, String... functions) {
        Watches watches = new Watches();
        for (String function : functions) {
            watches.byFunction.put(function, suite.invocations().watch(function, marker));
        }
        return watches;
    }

    int count(String function) {
        return byFunction.get(function).count();
    }

    @Override
    public void close() {
        byFunction.values().forEach(InvocationLog.Watch::close);
    }
}
