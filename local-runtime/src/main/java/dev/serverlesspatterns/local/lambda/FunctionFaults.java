package dev.serverlesspatterns.local.lambda;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults a test injects into the real function host, so that a callee is slow or fails without a stub in its place:
 * the function still runs in its service's JVM, after the injected delay, unless the injected failure answers
 * instead. A delay counts against the function's {@code Timeout} as a slow handler would, so one at least as long
 * ends as Lambda's {@code Sandbox.Timedout}. Each injection lasts until the returned handle is closed; a later
 * injection for the same function replaces it.
 */
public final class FunctionFaults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the injected failure reports as its {@code errorType}, so no one mistakes it for a real bug. */
    public static final String INJECTED_ERROR_TYPE = "InjectedFault";

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    /** What happens to an invocation of one function: a delay before it runs, then maybe a failure instead. */
    record Fault(Duration delay, Optional<String> failure) {

        /** The function error the failure answers with, as the local Lambda endpoint reports a thrown exception. */
        InvocationResult failureResult() {
            return new InvocationResult(
                    JSON.writeValueAsBytes(
                            Map.of("errorType", INJECTED_ERROR_TYPE, "errorMessage", failure.orElseThrow())),
                    "Unhandled");
        }
    }

    /** Makes every invocation of the function (by logical id) start {@code delay} late. */
    public Injection delay(String functionLogicalId, Duration delay) {
        return inject(functionLogicalId, new Fault(delay, Optional.empty()));
    }

    /** Makes every invocation of the function fail with an unhandled function error carrying the message. */
    public Injection fail(String functionLogicalId, String errorMessage) {
        return inject(functionLogicalId, new Fault(Duration.ZERO, Optional.of(errorMessage)));
    }

    Optional<Fault> of(String functionLogicalId) {
        return Optional.ofNullable(faults.get(functionLogicalId));
    }

    private Injection inject(String functionLogicalId, Fault fault) {
        faults.put(functionLogicalId, fault);
        return () -> faults.remove(functionLogicalId, fault);
    }

    /** An injected fault, in force until closed. */
    public interface Injection extends AutoCloseable {
        @Override
        void close();
    }
}
