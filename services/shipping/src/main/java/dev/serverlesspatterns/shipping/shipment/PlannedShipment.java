package dev.serverlesspatterns.shipping.shipment;

import dev.serverlesspatterns.events.orders.OrderPlaced;
import dev.serverlesspatterns.events.shipping.Shipment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A shipment as {@link ShipmentTable} stores it: planned once its order was placed. */
record PlannedShipment(
        String orderId, String customerId, String status, Instant placedAt, Instant plannedAt, LocalDate dispatchBy) {

    static final String PLANNED = "PLANNED";

    /** The shipment of a placed order: it leaves the warehouse within {@code dispatchWithin} of the order (UTC day). */
    static PlannedShipment of(OrderPlaced order, Period dispatchWithin, Instant now) {
        return new PlannedShipment(
                order.orderId(),
                order.customerId(),
                PLANNED,
                order.placedAt(),
                now.truncatedTo(ChronoUnit.MILLIS),
                LocalDate.ofInstant(order.placedAt(), ZoneOffset.UTC).plus(dispatchWithin));
    }

    Shipment toAnswer() {
        return new Shipment(orderId, true, status, customerId, plannedAt, dispatchBy);
    }
}
