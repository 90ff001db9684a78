package dev.serverlesspatterns.partners.breaker;

import dev.serverlesspatterns.partners.PartnersProperties;
import dev.serverlesspatterns.partners.partner.PartnerApi;
import dev.serverlesspatterns.partners.partner.PartnerCallFailed;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The partner's circuit breaker, its state shared by every instance in the breaker state table.
 *
 * <p>Resilience4j's breaker {@code partner} gives the settings (the open time and its exponential growth, the number
 * of half-open probes, the slow-call threshold) and its state machine and event publisher: this instance's breaker is
 * moved to the shared state before each call, so its transitions, events and metrics are those all instances agree on.
 * The decisions are the table's: a CLOSED breaker lets the call through; OPEN refuses it until its time is over, then
 * exactly one instance moves it to HALF_OPEN with a conditional write, which claims that instance a probe; further
 * probes are claimed with a conditional counter, so at most {@code permittedNumberOfCallsInHalfOpenState} go. A probe
 * that succeeds closes the breaker; one that fails opens it again for longer. While CLOSED, a failure (5xx, timeout,
 * no connection, or an answer slower than {@code slowCallDurationThreshold}) is counted with an atomic add, and the
 * instance whose count reaches {@code partners.breaker.failure-threshold} opens the breaker.
 *
 * <p>Round trips: a CLOSED call reads the state once (none while the state read or written last is younger than
 * {@code partners.breaker.state-cache-ttl}) and writes nothing when it succeeds. An OPEN breaker this instance knows
 * of costs nothing until its time is over. When the table cannot be reached the call goes through (fail open), which
 * is logged at WARN with a running count ({@link #storeUnavailable()}); a CloudWatch metric filter on that line counts
 * it on AWS (the Lambda artifact carries no Micrometer).
 */
@Component
public class SharedCircuitBreaker {

    public static final String NAME = "partner";

    private static final Logger log = LoggerFactory.getLogger(SharedCircuitBreaker.class);

    private final BreakerStateStore store;
    private final CircuitBreaker local;
    private final CircuitBreakerConfig config;
    private final Clock clock;
    private final String name;
    private final int failureThreshold;
    private final long failureWindowMillis;
    private final long cacheTtlMillis;
    private final long probeTimeoutMillis;
    private final AtomicLong storeUnavailable = new AtomicLong();
    private volatile Cached cached;

    SharedCircuitBreaker(
            BreakerStateStore store,
            CircuitBreakerRegistry breakers,
            PartnerApi partner,
            PartnersProperties properties,
            Clock clock) {
        this.store = store;
        this.local = breakers.circuitBreaker(NAME);
        this.config = local.getCircuitBreakerConfig();
        this.clock = clock;
        this.name = properties.breaker().name();
        this.failureThreshold = properties.breaker().failureThreshold();
        this.failureWindowMillis = properties.breaker().failureWindow().toMillis();
        this.cacheTtlMillis = properties.breaker().stateCacheTtl().toMillis();
        // A probe that never reports (its instance died) is replaced once it could no longer be running.
        this.probeTimeoutMillis = partner.timeout().toMillis() + 1000;
        local.getEventPublisher()
                .onStateTransition(
                        event -> log.info("Breaker {} moved {} (shared state)", name, event.getStateTransition()));
    }

    /**
     * Runs the partner call if the breaker lets it through, and records its outcome.
     *
     * @throws BreakerOpen when the breaker refuses the call; the partner was not called
     * @throws PartnerCallFailed when the call failed (counted)
     */
    public <T> T call(Supplier<T> partnerCall) {
        Permit permit = admit();
        long started = System.nanoTime();
        T result;
        try {
            result = partnerCall.get();
        } catch (PartnerCallFailed failed) {
            local.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failed);
            record(permit, false);
            throw failed;
        }
        long took = System.nanoTime() - started;
        local.onSuccess(took, TimeUnit.NANOSECONDS);
        boolean slow = took > config.getSlowCallDurationThreshold().toNanos();
        if (slow) {
            log.warn("Breaker {}: the partner answered after {} ms, counted as a failure", name, took / 1_000_000);
        }
        record(permit, !slow);
        return result;
    }

    /** The shared state as this instance last saw it (read now if the cached copy is too old). */
    public String state() {
        return current(clock.millis()).state();
    }

    /** Calls let through, or outcomes not recorded, because the state table could not be reached. */
    public long storeUnavailable() {
        return storeUnavailable.get();
    }

    /** Forgets the cached state, so the next call reads the table. */
    public void forgetCachedState() {
        cached = null;
    }

    private Permit admit() {
        long now = clock.millis();
        try {
            BreakerState state = current(now);
            for (int attempt = 0; attempt < 3; attempt++) {
                Permit permit = decide(state, now);
                if (permit != null) {
                    return permit;
                }
                // Another instance moved the breaker first: decide again on what it wrote.
                state = read();
            }
            throw refusal(state, now);
        } catch (SdkException unavailable) {
            log.warn(
                    "Breaker {}: the state table is unavailable ({}); the call goes through (fail open, {} so far)",
                    name,
                    unavailable.getMessage(),
                    storeUnavailable.incrementAndGet());
            return Permit.FAIL_OPEN;
        }
    }

    /** The permit the state gives, or null when a transition lost to another instance's. */
    private Permit decide(BreakerState state, long now) {
        mirror(state.state());
        if (state.is(BreakerState.CLOSED)) {
            return new Permit(state, false);
        }
        if (now < state.openUntil() && state.is(BreakerState.OPEN)) {
            throw refusal(state, now);
        }
        if (state.is(BreakerState.HALF_OPEN) && now < state.openUntil()) {
            if (state.probes() >= config.getPermittedNumberOfCallsInHalfOpenState()) {
                throw refusal(state, now);
            }
            return store.claimProbe(state, config.getPermittedNumberOfCallsInHalfOpenState())
                    .map(claimed -> probe(claimed))
                    .orElse(null);
        }
        // OPEN and its time over, or HALF_OPEN whose probes never reported: one instance starts a HALF_OPEN period.
        return store.halfOpen(state, now + probeTimeoutMillis).map(this::probe).orElse(null);
    }

    private Permit probe(BreakerState halfOpen) {
        remember(halfOpen);
        mirror(halfOpen.state());
        log.info(
                "Breaker {}: this call is a probe ({} of {})",
                name,
                halfOpen.probes(),
                config.getPermittedNumberOfCallsInHalfOpenState());
        return new Permit(halfOpen, true);
    }

    private void record(Permit permit, boolean succeeded) {
        if (permit == Permit.FAIL_OPEN || (succeeded && !permit.probe())) {
            return;
        }
        long now = clock.millis();
        try {
            if (permit.probe()) {
                (succeeded ? store.close(permit.seen()) : store.open(permit.seen(), now + openTime(permit.seen())))
                        .ifPresent(this::remember);
                forgetUnlessRemembered(permit);
                return;
            }
            store.countFailure(name, now, now - failureWindowMillis).ifPresent(counted -> {
                remember(counted);
                if (counted.failures() >= failureThreshold) {
                    store.open(counted, now + openTime(counted)).ifPresent(opened -> {
                        remember(opened);
                        log.warn(
                                "Breaker {} opened after {} failures in {} ms",
                                name,
                                counted.failures(),
                                failureWindowMillis);
                    });
                }
            });
        } catch (SdkException unavailable) {
            storeUnavailable.incrementAndGet();
            log.warn(
                    "Breaker {}: the outcome of a call was not recorded, the state table is unavailable ({})",
                    name,
                    unavailable.getMessage());
        }
    }

    /** Resilience4j's wait in OPEN state for the next opening: the first time, then growing by its backoff. */
    private long openTime(BreakerState seen) {
        return config.getWaitIntervalFunctionInOpenState().apply((int) seen.openings() + 1);
    }

    private BreakerState current(long now) {
        Cached known = cached;
        if (known != null && now - known.readAt() < cacheTtlMillis) {
            return known.state();
        }
        return read();
    }

    private BreakerState read() {
        BreakerState state = store.read(name);
        remember(state);
        return state;
    }

    private void remember(BreakerState state) {
        cached = new Cached(state, clock.millis());
    }

    private void forgetUnlessRemembered(Permit permit) {
        Cached known = cached;
        if (known != null && known.state().version() == permit.seen().version()) {
            // The probe's outcome was not written (another probe's was): read it next time.
            cached = null;
        }
    }

    private BreakerOpen refusal(BreakerState state, long now) {
        remember(state);
        Duration retryAfter = Duration.ofMillis(Math.max(1000, state.openUntil() - now));
        return new BreakerOpen(name, state.state(), retryAfter);
    }

    /** Moves this instance's Resilience4j breaker to the shared state (it allows no CLOSED to HALF_OPEN step). */
    private void mirror(String shared) {
        CircuitBreaker.State target = CircuitBreaker.State.valueOf(shared);
        CircuitBreaker.State mine = local.getState();
        if (mine == target) {
            return;
        }
        switch (target) {
            case CLOSED -> local.transitionToClosedState();
            case OPEN -> local.transitionToOpenState();
            case HALF_OPEN -> {
                if (mine != CircuitBreaker.State.OPEN) {
                    local.transitionToOpenState();
                }
                local.transitionToHalfOpenState();
            }
            default -> throw new IllegalStateException("No shared breaker state " + shared);
        }
    }

    /** What a call was let through on: the state it saw, and whether it is a probe. */
    private record Permit(BreakerState seen, boolean probe) {
        static final Permit FAIL_OPEN = new Permit(BreakerState.closed("fail-open"), false);
    }

    private record Cached(BreakerState state, long readAt) {}
}
