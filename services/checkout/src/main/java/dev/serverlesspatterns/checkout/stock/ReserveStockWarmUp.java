package dev.serverlesspatterns.checkout.stock;

import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link ReserveStock}'s transaction, which its priming event (a sku that is not sold) never
 * reaches: the reservation of one {@code SNAPSTART-PRIMING} (a sku no stock item has), cancelled by its stock condition.
 */
@Component
@WarmsUp("reserveStock")
class ReserveStockWarmUp implements PrimingWarmUp {

    static final String PRIMING_CHECKOUT = "00000000-0000-0000-0000-000000000000";
    static final String PRIMING_SKU = "SNAPSTART-PRIMING";

    private final StockLedger stock;

    ReserveStockWarmUp(StockLedger stock) {
        this.stock = stock;
    }

    @Override
    public void warmUp() {
        try {
            stock.hold(PRIMING_CHECKOUT, List.of(new ReserveStockTask.Line(PRIMING_SKU, 1)), Map.of(PRIMING_SKU, 1L));
        } catch (OutOfStockException refused) {
            return;
        }
        throw new IllegalStateException("The priming reservation took stock of " + PRIMING_SKU);
    }
}
