package dev.serverlesspatterns.checkout.stock;

import dev.serverlesspatterns.checkout.CheckoutIds;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The checkout's first step (state ReserveStock): takes each line's stock, or fails with {@link OutOfStockException}
 * having taken nothing. Repeated for the same checkout, it answers the first reservation.
 */
@Component("reserveStock")
class ReserveStock implements Function<ReserveStockTask, Reservation> {

    private static final Logger log = LoggerFactory.getLogger(ReserveStock.class);

    private final StockLedger stock;

    ReserveStock(StockLedger stock) {
        this.stock = stock;
    }

    @Override
    public Reservation apply(ReserveStockTask task) {
        CheckoutIds.require(task.checkoutId());
        if (task.items() == null || task.items().isEmpty()) {
            throw new IllegalArgumentException("Checkout " + task.checkoutId() + " has no lines to reserve");
        }
        Reservation reservation = stock.reserve(task.checkoutId(), task.items());
        log.info(
                "Checkout {}: stock {} ({} cents)", task.checkoutId(), reservation.status(), reservation.amountCents());
        return reservation;
    }
}
