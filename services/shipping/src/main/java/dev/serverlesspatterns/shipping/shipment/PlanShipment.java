package dev.serverlesspatterns.shipping.shipment;

import static dev.serverlesspatterns.events.audit.OrderActivity.EVENT_TYPE;
import static dev.serverlesspatterns.events.orders.OrderEvents.ORDER_PLACED;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.OrderPlaced;
import dev.serverlesspatterns.platform.messaging.EventMessageReader;
import dev.serverlesspatterns.platform.messaging.SqsBatch;
import dev.serverlesspatterns.shipping.ShippingProperties;
import java.time.Clock;
import java.time.Period;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Plans the shipment of every {@code OrderPlaced} in a batch from the shipping order-activity queue (the audit
 * service's Distributed Trigger). SQS delivers at least once, so the plan is a write that only creates: the first
 * delivery plans, every later one finds the shipment and succeeds without changing it. A message that cannot be read
 * or written is reported as a batch item failure, so only it returns to the queue and, after {@code maxReceiveCount}
 * receives, goes to the DLQ with its body unchanged.
 */
@Component("planShipment")
class PlanShipment implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(PlanShipment.class);

    private final EventMessageReader reader;
    private final ShipmentTable shipments;
    private final Period dispatchWithin;
    private final Clock clock;

    PlanShipment(EventMessageReader reader, ShipmentTable shipments, ShippingProperties properties, Clock clock) {
        this.reader = reader;
        this.shipments = shipments;
        this.dispatchWithin = properties.dispatchWithin();
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.eachMessage(event, log, this::plan);
    }

    private void plan(SQSMessage message) {
        OrderPlaced order = reader.read(message, EVENT_TYPE, ORDER_PLACED, Schema.ORDER_PLACED, OrderPlaced.class);
        PlannedShipment shipment = PlannedShipment.of(order, dispatchWithin, clock.instant());
        if (shipments.planOnce(shipment)) {
            log.info("Planned the shipment of order {}, to leave by {}", order.orderId(), shipment.dispatchBy());
        } else {
            log.info("The shipment of order {} was planned before; nothing changes", order.orderId());
        }
    }
}
