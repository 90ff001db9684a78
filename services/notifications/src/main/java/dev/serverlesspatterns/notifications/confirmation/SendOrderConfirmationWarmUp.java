package dev.serverlesspatterns.notifications.confirmation;

import dev.serverlesspatterns.events.orders.OrderConfirmationRequested;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link SendOrderConfirmation}'s path after a valid request, which its priming event (a request
 * without its fields) never reaches: the validation of a valid request, and the confirmation's {@code PutItem} for an
 * order id no order has, refused by a condition that cannot hold.
 */
@Component
@WarmsUp("sendOrderConfirmation")
class SendOrderConfirmationWarmUp implements PrimingWarmUp {

    /** Not a version 4 or 3 UUID, so no order, hence no confirmation, ever has it. */
    private static final String UNUSED_ORDER_ID = "00000000-0000-0000-0000-000000000000";

    private final ConfirmationRequestValidator validator;
    private final NotificationTable notifications;
    private final Clock clock;

    SendOrderConfirmationWarmUp(ConfirmationRequestValidator validator, NotificationTable notifications, Clock clock) {
        this.validator = validator;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        OrderConfirmationRequested request =
                new OrderConfirmationRequested(UNUSED_ORDER_ID, "snapstart-priming", 100, "EUR", Instant.EPOCH);
        validator.requireValid(request);
        notifications.recordRefused(Confirmation.byEmail(request, clock.instant()));
    }
}
