package dev.serverlesspatterns.notifications.confirmation;

import dev.serverlesspatterns.local.testing.Fixtures;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixture {@code events/send-order-confirmation.json}: the event the orders service hands off, as Lambda
 * delivers it. Each test gets its own order id and customer, because all tests of the JVM share one emulator.
 */
final class ConfirmationRequests {

    static final String FUNCTION = "SendOrderConfirmationFunction";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfirmationRequests() {}

    static ObjectNode newRequest() {
        ObjectNode request = Fixtures.event("send-order-confirmation.json");
        request.put("orderId", UUID.randomUUID().toString());
        request.put("customerId", "customer-" + UUID.randomUUID());
        return request;
    }

    static String json(ObjectNode request) {
        return JSON.writeValueAsString(request);
    }

    static ObjectNode parse(String output) {
        return (ObjectNode) JSON.readTree(output);
    }
}
