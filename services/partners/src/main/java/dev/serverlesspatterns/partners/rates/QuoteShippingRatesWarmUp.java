package dev.serverlesspatterns.partners.rates;

import dev.serverlesspatterns.partners.breaker.SharedCircuitBreaker;
import dev.serverlesspatterns.partners.partner.PartnerProblems;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link QuoteShippingRates}'s breaker path, which its priming event (refused as invalid) cannot
 * reach: the consistent read of the shared state (a read, never a write; the partner is not called) and the 503 answer
 * of an OPEN breaker (built, never sent).
 */
@Component
@WarmsUp("quoteShippingRates")
class QuoteShippingRatesWarmUp implements PrimingWarmUp {

    private final SharedCircuitBreaker breaker;
    private final PartnerProblems problems;

    QuoteShippingRatesWarmUp(SharedCircuitBreaker breaker, PartnerProblems problems) {
        this.breaker = breaker;
        this.problems = problems;
    }

    @Override
    public void warmUp() {
        breaker.state();
        // What the snapshot holds must not be trusted after restore: the first call reads the table again.
        breaker.forgetCachedState();
        problems.unavailable(Duration.ofSeconds(1));
    }
}
