package dev.serverlesspatterns.reporting.report;

import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of the report reads, which the priming events (a refused range, a refused customer id) never
 * reach: a cache read of a key no report has and the report queries for a customer and a day nobody has. Both only
 * read, and open the pool's first connections (evicted after the restore) and the cache's.
 */
@Component
@WarmsUp({"salesReport", "customerOrderHistory"})
class ReportsWarmUp implements PrimingWarmUp {

    private final ReportCache cache;
    private final Reports reports;

    ReportsWarmUp(ReportCache cache, Reports reports) {
        this.cache = cache;
        this.reports = reports;
    }

    @Override
    public void warmUp() {
        cache.get(List.of(ReportCache.customerOrdersKey("snapstart-priming")));
        reports.customerOrders("snapstart-priming");
        reports.sales(LocalDate.EPOCH, LocalDate.EPOCH);
    }
}
