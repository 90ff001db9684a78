package dev.serverlesspatterns.clickstream.aggregate;

import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link AggregateClicks}' transaction, which its priming event (a record that is not a click)
 * never reaches: the transaction of one click, refused by a condition that never holds.
 */
@Component
@WarmsUp("aggregateClicks")
class AggregateClicksWarmUp implements PrimingWarmUp {

    private final ClickCounts counts;

    AggregateClicksWarmUp(ClickCounts counts) {
        this.counts = counts;
    }

    @Override
    public void warmUp() {
        counts.countRefused();
    }
}
