package dev.serverlesspatterns.audit.activity;

import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.OrderEvents;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distributed Trigger: an order event from the orders bus is republished once on the order-activity topic. The
 * rule invokes asynchronously, so a throw here is retried per the function's {@code EventInvokeConfig} and then
 * sent, with the original event, to the on-failure queue; an event that breaks the contract is thrown out the
 * same way rather than published, so no consumer ever sees it.
 */
@Component("distributeOrderActivity")
class DistributeOrderActivity implements Consumer<OrderBusEvent> {

    private static final Logger log = LoggerFactory.getLogger(DistributeOrderActivity.class);
    private static final Map<String, Schema> CONTRACTS =
            Map.of(OrderEvents.ORDER_PLACED, Schema.ORDER_PLACED, OrderEvents.ORDER_CANCELLED, Schema.ORDER_CANCELLED);

    private final OrderActivityTopic topic;
    private final EventContracts contracts;
    private final JsonMapper json;

    DistributeOrderActivity(OrderActivityTopic topic, EventContracts contracts, JsonMapper json) {
        this.topic = topic;
        this.contracts = contracts;
        this.json = json;
    }

    @Override
    public void accept(OrderBusEvent event) {
        Schema contract = CONTRACTS.get(event.detailType());
        if (!OrderEvents.SOURCE.equals(event.source()) || contract == null) {
            throw new IllegalArgumentException("Event " + event.id() + " is no order event: source " + event.source()
                    + ", detail type " + event.detailType());
        }
        List<EventContracts.Violation> violations = contracts.violations(contract, event.detail());
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(
                    "Event " + event.id() + " breaks the " + event.detailType() + " contract: " + violations);
        }
        String messageId = topic.publish(event.detailType(), event.id(), json.writeValueAsString(event.detail()));
        log.info("Distributed {} {} as message {}", event.detailType(), event.id(), messageId);
    }
}
