package dev.serverlesspatterns.e2e;

import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function's run count once it has stopped changing. Run counts are global to the suite and event sources poll in
 * the background, so a count is read only after it stayed the same for longer than one poll.
 */
final class SettledRuns {

    /** Longer than one poll of an event source mapping, with its batching window. */
    private static final Duration QUIET = Duration.ofMillis(2500);

    private SettledRuns() {}

    static int of(LocalSuite suite, String function) {
        return of(suite, function, QUIET);
    }

    /** @param quiet how long the count must stay unchanged: shorter for a function no event source polls for */
    static int of(LocalSuite suite, String function, Duration quiet) {
        AtomicInteger seen = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(quiet).until(() -> {
            int now = suite.invocations().count(function);
            return seen.getAndSet(now) == now;
        });
        return seen.get();
    }
}
