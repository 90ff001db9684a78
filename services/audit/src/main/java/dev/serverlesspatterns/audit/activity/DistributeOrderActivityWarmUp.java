package dev.serverlesspatterns.audit.activity;

import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.OrderEvents;
import dev.serverlesspatterns.events.orders.OrderPlaced;
import dev.serverlesspatterns.platform.contract.EventContracts;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SnapStart priming of {@link DistributeOrderActivity}'s path after a valid event, which its priming event (a detail
 * breaking the contract) never reaches: the contract check of a valid OrderPlaced, and its publish with a message
 * structure SNS refuses as invalid.
 */
@Component
@WarmsUp("distributeOrderActivity")
class DistributeOrderActivityWarmUp implements PrimingWarmUp {

    /** Not a version 4 or 3 UUID, so no order ever has it. */
    private static final String UNUSED_ORDER_ID = "00000000-0000-0000-0000-000000000000";

    private final OrderActivityTopic topic;
    private final EventContracts contracts;
    private final JsonMapper json;

    DistributeOrderActivityWarmUp(OrderActivityTopic topic, EventContracts contracts, JsonMapper json) {
        this.topic = topic;
        this.contracts = contracts;
        this.json = json;
    }

    @Override
    public void warmUp() {
        JsonNode detail =
                json.valueToTree(new OrderPlaced(UNUSED_ORDER_ID, "snapstart-priming", 100, "EUR", Instant.EPOCH));
        List<EventContracts.Violation> violations = contracts.violations(Schema.ORDER_PLACED, detail);
        if (!violations.isEmpty()) {
            // The warm-up would then warm the refusal the priming event already warms, not the publish path.
            throw new IllegalStateException("The priming OrderPlaced breaks its contract: " + violations);
        }
        topic.publishRefused(OrderEvents.ORDER_PLACED, "snapstart-priming", json.writeValueAsString(detail));
    }
}
