package dev.serverlesspatterns.billing.invoice;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.message;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages of the order activity, built from the fixture {@code events/issue-invoice.json}: each message carries an
 * {@code OrderPlaced} of a fresh order (all tests of the JVM share one emulator).
 */
final class OrderActivityMessages {

    static final String FUNCTION = "IssueInvoiceFunction";

    private OrderActivityMessages() {}

    /** A message carrying an {@code OrderPlaced} of a new order, as the order-activity topic delivers it. */
    static ObjectNode orderPlaced() {
        return message(
                "issue-invoice.json", Map.of("ORDER_ID", UUID.randomUUID().toString()));
    }

    static String orderIdOf(ObjectNode message) {
        return body(message).get("orderId").asString();
    }
}
