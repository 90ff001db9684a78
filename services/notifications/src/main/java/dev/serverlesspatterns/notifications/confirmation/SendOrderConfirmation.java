package dev.serverlesspatterns.notifications.confirmation;

import dev.serverlesspatterns.events.orders.OrderConfirmationRequested;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the confirmation of a placed order. Lambda delivers an asynchronous event at least once (and retries it
 * after a failure), so the send is recorded with a write that only creates: the first delivery sends, every later
 * one finds the record and succeeds without sending again. An invalid request throws; Lambda retries it and then
 * puts it, unchanged, on the function's on-failure queue.
 */
@Component("sendOrderConfirmation")
class SendOrderConfirmation implements Function<OrderConfirmationRequested, ConfirmationOutcome> {

    private static final Logger log = LoggerFactory.getLogger(SendOrderConfirmation.class);

    private final ConfirmationRequestValidator validator;
    private final NotificationTable notifications;
    private final Clock clock;

    SendOrderConfirmation(ConfirmationRequestValidator validator, NotificationTable notifications, Clock clock) {
        this.validator = validator;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public ConfirmationOutcome apply(OrderConfirmationRequested request) {
        validator.requireValid(request);
        Confirmation confirmation = Confirmation.byEmail(request, clock.instant());
        if (notifications.recordOnce(confirmation)) {
            log.info(
                    "Sent the confirmation of order {} to {} by {}",
                    confirmation.orderId(),
                    confirmation.recipient(),
                    confirmation.channel());
            return ConfirmationOutcome.sent(request.orderId());
        }
        log.info("The confirmation of order {} was sent before; this delivery changes nothing", request.orderId());
        return ConfirmationOutcome.alreadySent(request.orderId());
    }
}
