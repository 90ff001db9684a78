package dev.serverlesspatterns.partners.failures;

import dev.serverlesspatterns.partners.PartnersProperties;
import dev.serverlesspatterns.partners.breaker.BreakerOpen;
import dev.serverlesspatterns.partners.partner.PartnerCallFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The EventBridge Circuit Breaker: before a call, the target's unexpired failures are counted in the failures table;
 * at {@code partners.failures.threshold} or more the call fails fast. A failed call is published as
 * {@code PartnerCallFailed}; a rule's function stores it with its expiry. The breaker has no state of its own: it is
 * OPEN while enough failures are younger than the window, and lets calls through again as they age out. When the table
 * or the bus cannot be reached, calls go through (fail open) and that is logged.
 */
@Component
class EventBridgeCircuitBreaker {

    private static final Logger log = LoggerFactory.getLogger(EventBridgeCircuitBreaker.class);

    private final PartnerFailuresTable failures;
    private final PartnerEventsBus bus;
    private final Clock clock;
    private final int threshold;

    EventBridgeCircuitBreaker(
            PartnerFailuresTable failures, PartnerEventsBus bus, Clock clock, PartnersProperties properties) {
        this.failures = failures;
        this.bus = bus;
        this.clock = clock;
        this.threshold = properties.failures().threshold();
    }

    /**
     * @throws BreakerOpen when the target has failed too often lately; the partner was not called
     * @throws PartnerCallFailed when the call failed (published)
     */
    <T> T call(String target, Supplier<T> partnerCall) {
        Instant now = clock.instant();
        refuseIfFailing(target, now);
        try {
            return partnerCall.get();
        } catch (PartnerCallFailed failed) {
            publish(target, failed);
            throw failed;
        }
    }

    private void refuseIfFailing(String target, Instant now) {
        List<Long> expiries;
        try {
            expiries = failures.unexpired(target, now.getEpochSecond());
        } catch (SdkException unavailable) {
            log.warn(
                    "The failures of {} cannot be counted ({}); the call goes through (fail open)",
                    target,
                    unavailable.getMessage());
            return;
        }
        if (expiries.size() >= threshold) {
            // Calls go through again once fewer than threshold failures are unexpired.
            long reopensAt = expiries.get(expiries.size() - threshold);
            throw new BreakerOpen(target, "OPEN", Duration.ofSeconds(Math.max(1, reopensAt - now.getEpochSecond())));
        }
    }

    private void publish(String target, PartnerCallFailed failed) {
        try {
            if (!bus.callFailed(target, clock.instant().toString(), failed.getMessage())) {
                log.warn("EventBridge refused the failure event of {}; it is not counted", target);
            }
        } catch (SdkException unavailable) {
            log.warn("The failure of {} was not published ({}); it is not counted", target, unavailable.getMessage());
        }
    }
}
