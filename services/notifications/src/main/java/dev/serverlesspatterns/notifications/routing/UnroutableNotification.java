package dev.serverlesspatterns.notifications.routing;

/**
 * A request the router has no task for: its channel is missing or unknown. Every attempt fails the same way, so
 * Lambda's retries cannot help; the on-failure queue keeps the request for whoever fixes the sender and re-drives it.
 */
class UnroutableNotification extends IllegalArgumentException {

    UnroutableNotification(String reason) {
        super("Unroutable NotificationRequested, nothing was sent: " + reason);
    }
}
