package dev.serverlesspatterns.partners.breaker;

import java.time.Duration;

/** A call refused without reaching the partner: the breaker is OPEN, or HALF_OPEN with its probes taken. */
public class BreakerOpen extends RuntimeException {

    private final transient Duration retryAfter;

    public BreakerOpen(String breaker, String state, Duration retryAfter) {
        super("Breaker " + breaker + " is " + state, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long until the breaker lets a probe through, at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
