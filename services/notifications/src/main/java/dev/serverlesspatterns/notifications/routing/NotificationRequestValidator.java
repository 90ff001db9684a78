package dev.serverlesspatterns.notifications.routing;

import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.notifications.NotificationRequested;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Checks a routed request against its shared JSON Schema, the contract the senders write to. */
@Component
class NotificationRequestValidator {

    private final JsonMapper json;
    private final EventContracts contracts;

    NotificationRequestValidator(JsonMapper json, EventContracts contracts) {
        this.json = json;
        this.contracts = contracts;
    }

    /** @throws InvalidNotificationRequest naming every violation */
    void requireValid(NotificationRequested request) {
        ObjectNode document = json.valueToTree(request);
        // A field missing from the event is null in the record; without it, the schema reports it as missing.
        List<String> absent = document.properties().stream()
                .filter(field -> field.getValue().isNull())
                .map(Map.Entry::getKey)
                .toList();
        document.remove(absent);
        List<String> violations = contracts.violations(Schema.NOTIFICATION_REQUESTED, document).stream()
                .map(EventContracts.Violation::toString)
                .toList();
        if (!violations.isEmpty()) {
            throw new InvalidNotificationRequest(violations);
        }
    }
}
