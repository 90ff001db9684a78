package dev.serverlesspatterns.payments.intent;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.message;
import static dev.serverlesspatterns.local.testing.SqsEvents.redelivered;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;

import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages the payments functions receive, built from the records of the fixtures
 * {@code events/record-payment-intent.json} (billing's notifications) and {@code events/cancel-payment-intent.json}
 * (the audit service's order activity): each message gets its own message id and, unless a test spoils it, an
 * {@code InvoiceIssued} of its own invoice and order (all tests of the JVM share one emulator).
 */
final class PaymentMessages {

    static final String RECORD_PAYMENT_INTENT = "RecordPaymentIntentFunction";
    static final String CANCEL_PAYMENT_INTENT = "CancelPaymentIntentFunction";

    private PaymentMessages() {}

    /** A message carrying a fresh {@code InvoiceIssued}, as billing publishes it. */
    static ObjectNode newMessage() {
        ObjectNode message = message("record-payment-intent.json");
        ObjectNode event = body(message);
        String invoiceId = "inv-" + UUID.randomUUID();
        event.put("invoiceId", invoiceId);
        event.put("orderId", UUID.randomUUID().toString());
        event.put("customerId", "customer-" + UUID.randomUUID());
        return withAttribute(withBody(message, event), "eventId", "InvoiceIssued/" + invoiceId);
    }

    /** A message carrying a {@code PaymentFailed} of the invoice that {@code issued} carries. */
    static ObjectNode paymentFailedAfter(ObjectNode issued, String reason) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("invoiceId", body(issued).get("invoiceId").asString());
        event.put("customerId", body(issued).get("customerId").asString());
        event.put("reason", reason);
        event.put("failedAt", "2026-11-03T10:16:02.118Z");
        ObjectNode message = withBody(redelivered(issued), event);
        withAttribute(message, "eventType", "PaymentFailed");
        return withAttribute(
                message, "eventId", "PaymentFailed/" + event.get("invoiceId").asString());
    }

    /** A message carrying the {@code OrderCancelled} of the order whose invoice {@code issued} carries. */
    static ObjectNode orderCancelledOf(ObjectNode issued) {
        ObjectNode message = message("cancel-payment-intent.json");
        ObjectNode event = body(message);
        event.put("orderId", body(issued).get("orderId").asString());
        event.put("customerId", body(issued).get("customerId").asString());
        return withAttribute(
                withBody(message, event), "eventId", UUID.randomUUID().toString());
    }
}
