package dev.serverlesspatterns.events.shipping;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The shipping service's answer to a {@link ShipmentRequest}. An order without a shipment (not planned yet, or
 * unknown) is a normal answer: {@code found} false and the other fields null.
 *
 * @param status PLANNED once the order was placed
 * @param plannedAt when the shipment was planned (ISO-8601 UTC on the wire)
 * @param dispatchBy the day the parcel is to leave the warehouse (ISO-8601 date on the wire)
 */
public record Shipment(
        String orderId, boolean found, String status, String customerId, Instant plannedAt, LocalDate dispatchBy) {

    public static Shipment none(String orderId) {
        return new Shipment(orderId, false, null, null, null, null);
    }
}
