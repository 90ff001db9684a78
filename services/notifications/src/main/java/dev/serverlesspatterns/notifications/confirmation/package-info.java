/**
 * Order confirmations: {@link dev.serverlesspatterns.notifications.confirmation.SendOrderConfirmation} receives the
 * orders service's {@code OrderConfirmationRequested}, handed off with an asynchronous invoke, and sends each order's
 * confirmation once, however often the request is delivered.
 */
package dev.serverlesspatterns.notifications.confirmation;
