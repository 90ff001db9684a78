package dev.serverlesspatterns.notifications.cancellation;

import dev.serverlesspatterns.events.orders.OrderCancelled;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A sent cancellation notice, as {@link CancellationNoticeTable} records it. No mail server is involved: the record is
 * the side effect, so "sent twice" would show as a second write.
 *
 * @param recipient the customer the notice goes to
 */
record CancellationNotice(String orderId, String channel, String recipient, Instant cancelledAt, Instant sentAt) {

    static final String EMAIL = "EMAIL";

    static CancellationNotice byEmail(OrderCancelled cancelled, Instant now) {
        return new CancellationNotice(
                cancelled.orderId(),
                EMAIL,
                cancelled.customerId(),
                cancelled.cancelledAt(),
                now.truncatedTo(ChronoUnit.MILLIS));
    }
}
