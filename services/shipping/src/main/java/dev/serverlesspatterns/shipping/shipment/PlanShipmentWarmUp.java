package dev.serverlesspatterns.shipping.shipment;

import dev.serverlesspatterns.events.orders.OrderPlaced;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link PlanShipment}'s {@code PutItem}, which its priming event (a message breaking the
 * contract) never reaches: the shipment of an order id no order has, refused by a condition that cannot hold.
 */
@Component
@WarmsUp("planShipment")
class PlanShipmentWarmUp implements PrimingWarmUp {

    /** Not a version 4 or 3 UUID, so no order, hence no shipment, ever has it. */
    private static final String UNUSED_ORDER_ID = "00000000-0000-0000-0000-000000000000";

    private final ShipmentTable shipments;
    private final Clock clock;

    PlanShipmentWarmUp(ShipmentTable shipments, Clock clock) {
        this.shipments = shipments;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        OrderPlaced order = new OrderPlaced(UNUSED_ORDER_ID, "snapstart-priming", 0, "EUR", Instant.EPOCH);
        shipments.planRefused(PlannedShipment.of(order, Period.ZERO, clock.instant()));
    }
}
