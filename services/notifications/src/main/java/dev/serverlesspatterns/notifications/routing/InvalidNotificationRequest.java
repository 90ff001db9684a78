package dev.serverlesspatterns.notifications.routing;

import java.util.List;

/** A routed request that breaks its contract; like an unroutable one, it ends on the on-failure queue unchanged. */
class InvalidNotificationRequest extends IllegalArgumentException {

    InvalidNotificationRequest(List<String> violations) {
        super("Invalid NotificationRequested, nothing was sent: " + String.join("; ", violations));
    }
}
