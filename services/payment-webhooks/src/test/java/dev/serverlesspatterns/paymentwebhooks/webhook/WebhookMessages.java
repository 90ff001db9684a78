package dev.serverlesspatterns.paymentwebhooks.webhook;

import dev.serverlesspatterns.paymentwebhooks.Events;
import dev.serverlesspatterns.paymentwebhooks.signature.ContentDigest;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages of the webhook queue as API Gateway's SQS integration sends them, built from the record of
 * {@code events/record-payment-events.json}: the webhook body, and its Content-Digest as the {@code ContentDigest}
 * message attribute. Each new message carries an event of its own (all tests of the JVM share one database).
 */
final class WebhookMessages {

    private WebhookMessages() {}

    /** A message carrying a fresh webhook of a fresh account. */
    static ObjectNode newMessage() {
        ObjectNode webhook = body(Events.firstRecord("record-payment-events.json"));
        webhook.put("eventId", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        webhook.put("accountId", "acct_" + UUID.randomUUID().toString().replace("-", ""));
        return withSignedBody(Events.firstRecord("record-payment-events.json"), webhook.toString());
    }

    /** The same message delivered once more: SQS gives each delivery of a sent message its own id and receipt. */
    static ObjectNode redelivered(ObjectNode message) {
        ObjectNode copy = message.deepCopy();
        copy.put("messageId", UUID.randomUUID().toString());
        copy.put("receiptHandle", "AQEB" + UUID.randomUUID());
        return copy;
    }

    static ObjectNode body(ObjectNode message) {
        return (ObjectNode) Events.JSON.readTree(message.get("body").asString());
    }

    /** The message with this body and the body's own digest, as a webhook that passed the signature check. */
    static ObjectNode withSignedBody(ObjectNode message, String body) {
        ObjectNode copy = redelivered(message);
        copy.put("body", body);
        return withDigest(copy, ContentDigest.of(body));
    }

    /** The message with its body replaced but its digest kept: a forged body under a replayed signature. */
    static ObjectNode withForgedBody(ObjectNode message, String body) {
        ObjectNode copy = redelivered(message);
        copy.put("body", body);
        return copy;
    }

    static ObjectNode withDigest(ObjectNode message, String digest) {
        ((ObjectNode) message.get("messageAttributes").get("ContentDigest")).put("stringValue", digest);
        return message;
    }
}
