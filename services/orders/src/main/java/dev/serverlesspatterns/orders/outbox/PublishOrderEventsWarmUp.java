package dev.serverlesspatterns.orders.outbox;

import dev.serverlesspatterns.events.orders.OrderEvents;
import dev.serverlesspatterns.events.orders.OrderPlaced;
import dev.serverlesspatterns.orders.outbox.OrderStreamRecords.OrderEvent;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link PublishOrderEvents}' {@code PutEvents}, which its priming event (records that announce
 * nothing) never reaches: an OrderPlaced put without source and detail type, which EventBridge refuses as a failed
 * entry.
 */
@Component
@WarmsUp("publishOrderEvents")
class PublishOrderEventsWarmUp implements PrimingWarmUp {

    private final OrderEventsBus bus;

    PublishOrderEventsWarmUp(OrderEventsBus bus) {
        this.bus = bus;
    }

    @Override
    public void warmUp() {
        bus.putRefused(new OrderEvent(
                OrderEvents.ORDER_PLACED,
                new OrderPlaced(
                        "00000000-0000-0000-0000-000000000000", "snapstart-priming", 100, "EUR", Instant.EPOCH)));
    }
}
