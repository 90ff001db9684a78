package dev.serverlesspatterns.partners.failures;

import dev.serverlesspatterns.partners.partner.PartnerProblems;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link EstimateDelivery}'s breaker path, which its priming event (refused as invalid) cannot
 * reach: the count of a target no failure names (a Query, never a write) and the 503 answer (built, never sent).
 */
@Component
@WarmsUp("estimateDelivery")
class EstimateDeliveryWarmUp implements PrimingWarmUp {

    private final PartnerFailuresTable failures;
    private final PartnerProblems problems;
    private final Clock clock;

    EstimateDeliveryWarmUp(PartnerFailuresTable failures, PartnerProblems problems, Clock clock) {
        this.failures = failures;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        failures.unexpired("snapstart-priming", clock.instant().getEpochSecond());
        problems.unavailable(Duration.ofSeconds(1));
    }
}
