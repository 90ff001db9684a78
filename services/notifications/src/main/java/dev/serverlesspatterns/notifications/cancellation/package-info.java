/**
 * Cancellation notices: {@link dev.serverlesspatterns.notifications.cancellation.SendCancellationNotice} receives the
 * {@code OrderCancelled} events of the audit service's order-activity topic from the notifications service's own
 * queue and sends each cancelled order's notice once, however often the event is delivered.
 */
package dev.serverlesspatterns.notifications.cancellation;
