package dev.serverlesspatterns.notifications.cancellation;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.message;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;

import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages of the order activity, built from the record of the fixture {@code events/send-cancellation-notice.json}:
 * each message gets its own message id and, unless a test spoils it, an {@code OrderCancelled} of its own order and
 * customer (all tests of the JVM share one emulator).
 */
final class OrderActivityMessages {

    static final String FUNCTION = "SendCancellationNoticeFunction";

    private OrderActivityMessages() {}

    /** A message carrying a fresh {@code OrderCancelled}, as the audit service republishes it. */
    static ObjectNode newMessage() {
        ObjectNode message = message("send-cancellation-notice.json");
        ObjectNode event = body(message);
        event.put("orderId", UUID.randomUUID().toString());
        event.put("customerId", "customer-" + UUID.randomUUID());
        return withAttribute(
                withBody(message, event), "eventId", UUID.randomUUID().toString());
    }

    static String orderIdOf(ObjectNode message) {
        return body(message).get("orderId").asString();
    }
}
