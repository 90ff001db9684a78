package dev.serverlesspatterns.notifications.routing;

/**
 * What one delivery of a notification request did. Lambda discards the result of an asynchronous invoke; a
 * synchronous invoke (a test, a re-drive tool) sees which task took it and whether this delivery sent it.
 */
record NotificationOutcome(String notificationId, String channel, Status status) {

    enum Status {
        /** This delivery sent the notification. */
        SENT,
        /** An earlier delivery sent it; this one changed nothing. */
        ALREADY_SENT
    }
}
