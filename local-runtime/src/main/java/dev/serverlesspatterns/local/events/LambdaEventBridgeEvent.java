package dev.serverlesspatterns.local.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event an EventBridge rule hands a function: the event as the bus delivered it to the internal queue. moto
 * 5.2.1 leaves {@code account} out of events it sends to an SQS target; that field is put back, in the place AWS
 * writes it, and an event that has it is passed on byte for byte.
 */
final class LambdaEventBridgeEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ENVELOPE =
            List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");

    private LambdaEventBridgeEvent() {}

    static byte[] of(String delivered, String account) {
        JsonNode event = JSON.readTree(delivered);
        if (event.has("account")) {
            return delivered.getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode complete = JSON.createObjectNode();
        for (String field : ENVELOPE) {
            if (field.equals("account")) {
                complete.put(field, account);
            } else if (event.has(field)) {
                complete.set(field, event.get(field));
            }
        }
        event.propertyStream()
                .filter(property -> !complete.has(property.getKey()))
                .forEach(property -> complete.set(property.getKey(), property.getValue()));
        return JSON.writeValueAsBytes(complete);
    }
}
