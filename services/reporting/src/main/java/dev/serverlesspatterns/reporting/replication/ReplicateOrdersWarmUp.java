package dev.serverlesspatterns.reporting.replication;

import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import dev.serverlesspatterns.reporting.report.ReportCache;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link ReplicateOrders}'s writes, which its priming event (a record without a version) never
 * reaches: the read model's upsert of a currency Postgres refuses ({@code char(3)}), which also opens the pool's first
 * connections (evicted after the restore), and the eviction of a report key no report has.
 */
@Component
@WarmsUp("replicateOrders")
class ReplicateOrdersWarmUp implements PrimingWarmUp {

    private final ReadModel readModel;
    private final ReportCache cache;

    ReplicateOrdersWarmUp(ReadModel readModel, ReportCache cache) {
        this.readModel = readModel;
        this.cache = cache;
    }

    @Override
    public void warmUp() {
        OrderImage refused = new OrderImage(
                "snapstart-priming",
                "snapstart-priming",
                "OPEN",
                "EURO",
                List.of(new OrderImage.Line("snapstart-priming", 1, 1)),
                1,
                Instant.EPOCH,
                Instant.EPOCH,
                1,
                false);
        try {
            readModel.apply(refused);
            throw new IllegalStateException("The read model took a currency longer than 3 characters");
        } catch (DataIntegrityViolationException expected) {
            cache.evict(List.of(ReportCache.customerOrdersKey("snapstart-priming")));
        }
    }
}
