/**
 * The orders table's stream as the outbox: every written order is announced on the orders event bus
 * ({@link dev.serverlesspatterns.orders.outbox.PublishOrderEvents}), after the write and independent of the API call
 * that made it.
 */
package dev.serverlesspatterns.orders.outbox;
