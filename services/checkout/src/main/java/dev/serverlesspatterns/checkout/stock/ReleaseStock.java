package dev.serverlesspatterns.checkout.stock;

import dev.serverlesspatterns.checkout.CheckoutIds;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compensation of {@link ReserveStock} (state ReleaseStock, the last compensation): gives the checkout's stock back.
 * Safe to repeat, and safe when nothing was reserved.
 */
@Component("releaseStock")
class ReleaseStock implements Function<ReleaseStockTask, Map<String, String>> {

    private static final Logger log = LoggerFactory.getLogger(ReleaseStock.class);

    private final StockLedger stock;

    ReleaseStock(StockLedger stock) {
        this.stock = stock;
    }

    @Override
    public Map<String, String> apply(ReleaseStockTask task) {
        CheckoutIds.require(task.checkoutId());
        String status = stock.release(task.checkoutId());
        log.info("Checkout {}: stock {}", task.checkoutId(), status);
        return Map.of("checkoutId", task.checkoutId(), "status", status);
    }
}
