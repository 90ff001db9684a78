/**
 * {@code GET /orders/{orderId}/details}: the parallel calls to the three callees ({@link
 * dev.serverlesspatterns.orderdetails.details.DetailsCallees}) and the partial-failure rule ({@link
 * dev.serverlesspatterns.orderdetails.details.GetOrderDetails}).
 */
package dev.serverlesspatterns.orderdetails.details;
