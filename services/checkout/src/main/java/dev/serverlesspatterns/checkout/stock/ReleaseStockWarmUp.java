package dev.serverlesspatterns.checkout.stock;

import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming of {@link ReleaseStock}'s transaction, which its priming event (a checkout id that is no UUID)
 * never reaches: the release of a checkout no reservation has, cancelled by the reservation's status condition.
 */
@Component
@WarmsUp("releaseStock")
class ReleaseStockWarmUp implements PrimingWarmUp {

    private final StockLedger stock;

    ReleaseStockWarmUp(StockLedger stock) {
        this.stock = stock;
    }

    @Override
    public void warmUp() {
        stock.giveBack(
                ReserveStockWarmUp.PRIMING_CHECKOUT,
                List.of(AttributeValue.fromM(Map.of(
                        "sku",
                        AttributeValue.fromS(ReserveStockWarmUp.PRIMING_SKU),
                        "quantity",
                        AttributeValue.fromN("1")))));
    }
}
