package dev.serverlesspatterns.partners.breaker;

/**
 * One breaker's shared state, one item of the breaker state table. Times are epoch milliseconds.
 *
 * @param breaker the breaker's name (the partition key)
 * @param state CLOSED, OPEN or HALF_OPEN (Resilience4j's names)
 * @param version raised by every change of state, the condition of every transition
 * @param failures failures counted since {@code windowStart} while CLOSED
 * @param windowStart when the current failure window began
 * @param openUntil OPEN: when a probe may go; HALF_OPEN: when probes that never reported may be replaced
 * @param probes probes claimed in this HALF_OPEN period
 * @param openings consecutive openings without a close between them, which make the open time grow
 */
record BreakerState(
        String breaker,
        String state,
        long version,
        long failures,
        long windowStart,
        long openUntil,
        long probes,
        long openings) {

    static final String CLOSED = "CLOSED";
    static final String OPEN = "OPEN";
    static final String HALF_OPEN = "HALF_OPEN";

    /** A breaker that has no item yet. */
    static BreakerState closed(String breaker) {
        return new BreakerState(breaker, CLOSED, 0, 0, 0, 0, 0, 0);
    }

    boolean is(String expected) {
        return state.equals(expected);
    }
}
