package dev.serverlesspatterns.partners.failures;

import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link RecordPartnerFailure}'s write, which its priming event (from another source, refused)
 * never reaches: the failure's {@code PutItem}, refused by a condition that cannot hold.
 */
@Component
@WarmsUp("recordPartnerFailure")
class RecordPartnerFailureWarmUp implements PrimingWarmUp {

    /** Not an EventBridge event id (those are UUIDs), so no failure ever has it. */
    private static final String UNUSED_FAILURE_ID = "snapstart-priming";

    private final PartnerFailuresTable failures;

    RecordPartnerFailureWarmUp(PartnerFailuresTable failures) {
        this.failures = failures;
    }

    @Override
    public void warmUp() {
        failures.recordRefused(new PartnerFailure(
                UNUSED_FAILURE_ID, "snapstart-priming", "2026-12-07T10:00:00Z", 0, "SnapStart priming"));
    }
}
