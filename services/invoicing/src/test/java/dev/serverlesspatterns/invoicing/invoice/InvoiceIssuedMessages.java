package dev.serverlesspatterns.invoicing.invoice;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.message;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;

import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages of billing's {@code InvoiceIssued}, built from the record of the fixture {@code events/record-invoice.json}:
 * each message gets its own message id and, unless a test spoils it, its own invoice (all tests of the JVM share one
 * emulator).
 */
final class InvoiceIssuedMessages {

    static final String FUNCTION = "RecordInvoiceFunction";

    private InvoiceIssuedMessages() {}

    /** A message carrying a fresh {@code InvoiceIssued}, as billing publishes it. */
    static ObjectNode newMessage() {
        ObjectNode message = message("record-invoice.json");
        ObjectNode event = body(message);
        String invoiceId = "inv-" + UUID.randomUUID();
        event.put("invoiceId", invoiceId);
        event.put("orderId", UUID.randomUUID().toString());
        event.put("customerId", "customer-" + UUID.randomUUID());
        return withAttribute(withBody(message, event), "eventId", "InvoiceIssued/" + invoiceId);
    }
}
