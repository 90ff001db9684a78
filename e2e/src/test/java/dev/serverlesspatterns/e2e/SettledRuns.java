package dev.serverlesspatterns.e2e;

import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Functions' run counts once they have stopped changing. Run counts are global to the suite and event sources poll in
 * the background, so counts are read only after none of them changed for longer than one poll.
 *
 * <p>The counts are sampled often and the quiet period starts again at every change, so a settled reading means no
 * sample in the whole period differed. Several functions settle in one period: a flow's counts are read together
 * instead of one quiet period after another.
 */
final class SettledRuns {

    /** Longer than one poll of an event source mapping, with its batching window. */
    private static final Duration QUIET = Duration.ofMillis(2500);

    private static final Duration SAMPLE = Duration.ofMillis(100);

    private SettledRuns() {}

    static int of(LocalSuite suite, String function) {
        return of(suite, QUIET, function).get(function);
    }

    /** @param quiet how long the count must stay unchanged: shorter for a function no event source polls for */
    static int of(LocalSuite suite, String function, Duration quiet) {
        return of(suite, quiet, function).get(function);
    }

    /** The settled counts of these functions, by function. */
    static Map<String, Integer> of(LocalSuite suite, String... functions) {
        return of(suite, QUIET, functions);
    }

    /** @param quiet how long the counts must stay unchanged: shorter for functions no event source polls for */
    static Map<String, Integer> of(LocalSuite suite, Duration quiet, String... functions) {
        AtomicReference<Map<String, Integer>> seen = new AtomicReference<>(Map.of());
        AtomicLong unchangedSince = new AtomicLong();
        await().atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(SAMPLE)
                .until(() -> {
                    Map<String, Integer> now = counts(suite, functions);
                    long nanos = System.nanoTime();
                    if (!now.equals(seen.getAndSet(now))) {
                        unchangedSince.set(nanos);
                    }
                    return nanos - unchangedSince.get() >= quiet.toNanos();
                });
        return seen.get();
    }

    private static Map<String, Integer> counts(LocalSuite suite, String... functions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String function : functions) {
            counts.put(function, suite.invocations().count(function));
        }
        return counts;
    }
}
