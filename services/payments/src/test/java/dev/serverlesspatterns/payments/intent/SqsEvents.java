package dev.serverlesspatterns.payments.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQS events as Lambda hands them to the function, built from the record of the fixture
 * {@code events/record-payment-intent.json}: each message gets its own message id and, unless a test spoils it, an
 * {@code InvoiceIssued} of its own invoice (all tests of the JVM share one emulator).
 */
final class SqsEvents {

    static final String FUNCTION = "RecordPaymentIntentFunction";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SqsEvents() {}

    /** A message carrying a fresh {@code InvoiceIssued}, as billing publishes it. */
    static ObjectNode newMessage() {
        ObjectNode message = (ObjectNode) fixture().get("Records").get(0);
        ObjectNode event = (ObjectNode) JSON.readTree(message.get("body").asString());
        String invoiceId = "inv-" + UUID.randomUUID();
        event.put("invoiceId", invoiceId);
        event.put("orderId", UUID.randomUUID().toString());
        event.put("customerId", "customer-" + UUID.randomUUID());
        message.put("body", JSON.writeValueAsString(event));
        ((ObjectNode) message.get("messageAttributes").get("eventId")).put("stringValue", "InvoiceIssued/" + invoiceId);
        return redelivered(message);
    }

    /** A message carrying a {@code PaymentFailed} of the invoice that {@code issued} carries. */
    static ObjectNode paymentFailedAfter(ObjectNode issued, String reason) {
        ObjectNode event = JSON.createObjectNode();
        event.put("invoiceId", body(issued).get("invoiceId").asString());
        event.put("customerId", body(issued).get("customerId").asString());
        event.put("reason", reason);
        event.put("failedAt", "2026-11-03T10:16:02.118Z");
        ObjectNode message = redelivered(issued);
        message.put("body", JSON.writeValueAsString(event));
        ObjectNode attributes = (ObjectNode) message.get("messageAttributes");
        ((ObjectNode) attributes.get("eventType")).put("stringValue", "PaymentFailed");
        ((ObjectNode) attributes.get("eventId"))
                .put("stringValue", "PaymentFailed/" + event.get("invoiceId").asString());
        return message;
    }

    /** The same message delivered once more: SQS gives each delivery of a sent message its own id and receipt. */
    static ObjectNode redelivered(ObjectNode message) {
        ObjectNode copy = message.deepCopy();
        copy.put("messageId", UUID.randomUUID().toString());
        copy.put("receiptHandle", "AQEB" + UUID.randomUUID());
        return copy;
    }

    static ObjectNode body(ObjectNode message) {
        return (ObjectNode) JSON.readTree(message.get("body").asString());
    }

    static ObjectNode withBody(ObjectNode message, String body) {
        message.put("body", body);
        return message;
    }

    static String event(ObjectNode... messages) {
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").addAll(List.of(messages));
        return JSON.writeValueAsString(event);
    }

    /** The message ids the function reported in {@code batchItemFailures}. */
    static List<String> failedIds(String output) {
        JsonNode failures = JSON.readTree(output).get("batchItemFailures");
        return failures.valueStream()
                .map(failure -> failure.get("itemIdentifier").asString())
                .collect(Collectors.toList());
    }

    private static JsonNode fixture() {
        try (InputStream in =
                SqsEvents.class.getClassLoader().getResourceAsStream("events/record-payment-intent.json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture events/record-payment-intent.json");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
