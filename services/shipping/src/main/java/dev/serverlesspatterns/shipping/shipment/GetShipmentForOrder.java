package dev.serverlesspatterns.shipping.shipment;

import dev.serverlesspatterns.events.shipping.Shipment;
import dev.serverlesspatterns.events.shipping.ShipmentRequest;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The shipping service's internal API: an order's shipment. An order without one (not planned yet, or unknown) is
 * answered as not found, a normal result. A request without an order id is the caller's bug: the function throws,
 * Lambda reports a function error, and the caller's internal API client maps it to a problem code.
 */
@Component("getShipmentForOrder")
class GetShipmentForOrder implements Function<ShipmentRequest, Shipment> {

    private final ShipmentTable shipments;

    GetShipmentForOrder(ShipmentTable shipments) {
        this.shipments = shipments;
    }

    @Override
    public Shipment apply(ShipmentRequest request) {
        if (request == null || request.orderId() == null || request.orderId().isBlank()) {
            throw new IllegalArgumentException("A shipment request needs an orderId");
        }
        return shipments
                .of(request.orderId())
                .map(PlannedShipment::toAnswer)
                .orElseGet(() -> Shipment.none(request.orderId()));
    }
}
