package dev.serverlesspatterns.notifications.confirmation;

import dev.serverlesspatterns.events.orders.OrderConfirmationRequested;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A sent order confirmation, as {@link NotificationTable} records it. No mail server is involved: the record is
 * the side effect, so "sent twice" would show as a second write.
 *
 * @param recipient the customer the confirmation goes to
 */
record Confirmation(
        String orderId,
        String channel,
        String recipient,
        long totalCents,
        String currency,
        Instant placedAt,
        Instant sentAt) {

    static final String EMAIL = "EMAIL";

    static Confirmation byEmail(OrderConfirmationRequested request, Instant now) {
        return new Confirmation(
                request.orderId(),
                EMAIL,
                request.customerId(),
                request.totalCents(),
                request.currency(),
                request.placedAt(),
                now.truncatedTo(ChronoUnit.MILLIS));
    }
}
