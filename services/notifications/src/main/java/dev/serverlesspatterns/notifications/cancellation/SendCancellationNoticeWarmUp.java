package dev.serverlesspatterns.notifications.cancellation;

import dev.serverlesspatterns.events.orders.OrderCancelled;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link SendCancellationNotice}'s {@code PutItem}, which its priming event (a message breaking
 * the contract) never reaches: the notice of an order id no order has, refused by a condition that cannot hold.
 */
@Component
@WarmsUp("sendCancellationNotice")
class SendCancellationNoticeWarmUp implements PrimingWarmUp {

    /** Not a version 4 or 3 UUID, so no order, hence no notice, ever has it. */
    private static final String UNUSED_ORDER_ID = "00000000-0000-0000-0000-000000000000";

    private final CancellationNoticeTable notices;
    private final Clock clock;

    SendCancellationNoticeWarmUp(CancellationNoticeTable notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        OrderCancelled cancelled = new OrderCancelled(UNUSED_ORDER_ID, "snapstart-priming", Instant.EPOCH);
        notices.recordRefused(CancellationNotice.byEmail(cancelled, clock.instant()));
    }
}
