package dev.serverlesspatterns.invoicing.invoice;

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
 * {@code events/record-invoice.json}: each message gets its own message id and, unless a test spoils it, an
 * {@code InvoiceIssued} of its own invoice (all tests of the JVM share one emulator).
 */
final class SqsEvents {

    static final String FUNCTION = "RecordInvoiceFunction";

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
        try (InputStream in = SqsEvents.class.getClassLoader().getResourceAsStream("events/record-invoice.json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture events/record-invoice.json");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
