package dev.serverlesspatterns.paymentwebhooks.webhook;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.message;
import static dev.serverlesspatterns.local.testing.SqsEvents.redelivered;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static dev.serverlesspatterns.local.testing.SqsEvents.withBody;

import dev.serverlesspatterns.paymentwebhooks.signature.ContentDigest;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages of the webhook queue as API Gateway's SQS integration sends them, built from the record of
 * {@code events/record-payment-events.json}: the webhook body, and its Content-Digest as the {@code ContentDigest}
 * message attribute. Each new message carries an event of its own (all tests of the JVM share one database).
 */
final class WebhookMessages {

    static final String CONTENT_DIGEST = "ContentDigest";

    private WebhookMessages() {}

    /** A message carrying a fresh webhook of a fresh account. */
    static ObjectNode newMessage() {
        ObjectNode message = message("record-payment-events.json");
        ObjectNode webhook = body(message);
        webhook.put("eventId", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        webhook.put("accountId", "acct_" + UUID.randomUUID().toString().replace("-", ""));
        return withSignedBody(message, webhook.toString());
    }

    /** The message with this body and the body's own digest, as a webhook that passed the signature check. */
    static ObjectNode withSignedBody(ObjectNode message, String body) {
        return withAttribute(withBody(redelivered(message), body), CONTENT_DIGEST, ContentDigest.of(body));
    }

    /** The message with its body replaced but its digest kept: a forged body under a replayed signature. */
    static ObjectNode withForgedBody(ObjectNode message, String body) {
        return withBody(redelivered(message), body);
    }
}
