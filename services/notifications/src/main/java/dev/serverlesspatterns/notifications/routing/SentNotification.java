package dev.serverlesspatterns.notifications.routing;

import dev.serverlesspatterns.events.notifications.NotificationRequested;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A notification a channel task sent, as its table records it. No mail server, SMS gateway or push service is
 * involved: the record is the side effect, so "sent twice" would show as a second write.
 */
record SentNotification(String notificationId, String channel, String recipient, String text, Instant sentAt) {

    static SentNotification of(NotificationRequested request, Instant now) {
        return new SentNotification(
                request.notificationId(),
                request.channel(),
                request.recipient(),
                request.text(),
                now.truncatedTo(ChronoUnit.MILLIS));
    }
}
