/**
 * Shipments: {@link dev.serverlesspatterns.shipping.shipment.PlanShipment} plans one per placed order, however often
 * the {@code OrderPlaced} event is delivered; {@link dev.serverlesspatterns.shipping.shipment.GetShipmentForOrder}
 * answers an order's shipment to other services (Internal API: invoked on its alias, never routed).
 */
package dev.serverlesspatterns.shipping.shipment;
