package dev.serverlesspatterns.notifications.confirmation;

import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.OrderConfirmationRequested;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a request against its shared JSON Schema, the contract the orders service writes to. Spring Cloud Function
 * has already turned the event into the record by then, so the record is checked as JSON again.
 */
@Component
class ConfirmationRequestValidator {

    private final JsonMapper json;
    private final EventContracts contracts;

    ConfirmationRequestValidator(JsonMapper json, EventContracts contracts) {
        this.json = json;
        this.contracts = contracts;
    }

    /** @throws InvalidConfirmationRequest naming every violation */
    void requireValid(OrderConfirmationRequested request) {
        ObjectNode document = json.valueToTree(request);
        // A field missing from the event is null in the record; without it, the schema reports it as missing.
        List<String> absent = document.properties().stream()
                .filter(field -> field.getValue().isNull())
                .map(Map.Entry::getKey)
                .toList();
        document.remove(absent);
        List<String> violations = contracts.violations(Schema.ORDER_CONFIRMATION_REQUESTED, document).stream()
                .map(EventContracts.Violation::toString)
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidConfirmationRequest(violations);
        }
    }
}
