/**
 * Placing, reading, listing and cancelling orders, and changing the quantity of their lines. Each route is its own
 * function bean; all of them share {@link dev.serverlesspatterns.orders.order.OrderTable}, the only class that knows
 * the item layout. Placing an order hands its confirmation off to the notifications service
 * ({@link dev.serverlesspatterns.orders.order.OrderConfirmationHandoff}).
 */
package dev.serverlesspatterns.orders.order;
