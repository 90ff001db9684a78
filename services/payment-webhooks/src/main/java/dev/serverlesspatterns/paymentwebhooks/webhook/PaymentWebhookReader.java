package dev.serverlesspatterns.paymentwebhooks.webhook;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.serverlesspatterns.paymentwebhooks.signature.ContentDigest;
import dev.serverlesspatterns.platform.messaging.UnreadableMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@link PaymentWebhook} from a message of the webhook queue: the body must hash to the {@code ContentDigest}
 * message attribute (the Content-Digest the signature covered) and match the webhook schema.
 */
@Component
class PaymentWebhookReader {

    static final String CONTENT_DIGEST_ATTRIBUTE = "ContentDigest";
    static final String SCHEMA = "payment-webhook.schema.json";

    private final JsonMapper json;
    private final com.networknt.schema.Schema schema;

    PaymentWebhookReader(JsonMapper json) {
        this.json = json;
        this.schema = load();
    }

    /** @throws UnreadableMessage saying what is wrong with it */
    PaymentWebhook read(SQSMessage message) {
        MessageAttribute digest = message.getMessageAttributes() == null
                ? null
                : message.getMessageAttributes().get(CONTENT_DIGEST_ATTRIBUTE);
        if (digest == null || digest.getStringValue() == null) {
            throw new UnreadableMessage("it has no " + CONTENT_DIGEST_ATTRIBUTE + " attribute");
        }
        // The authorizer verified the signature over the Content-Digest header, never over the body, which it cannot
        // see. A body that does not hash to that digest was not what the provider signed: someone replayed a valid
        // signature with a forged body. It is never written; it is reported like any unreadable message, so after
        // maxReceiveCount it lies in the DLQ, as sent, where the DLQ alarm makes someone look at it (dropping it
        // would hide the attempt).
        if (!ContentDigest.matches(message.getBody(), digest.getStringValue())) {
            throw new UnreadableMessage("its body does not match its signed Content-Digest");
        }
        JsonNode body;
        try {
            body = json.readTree(message.getBody());
        } catch (JacksonException malformed) {
            // A key named twice lands here too (the platform's mapper refuses duplicates): the gateway's validator may
            // have let it through, and which value would count is not for the consumer to guess.
            throw new UnreadableMessage("its body is not JSON with each key once per object");
        }
        List<String> violations = schema.validate(body).stream()
                .map(error -> error.getInstanceLocation() + " " + error.getMessage())
                .toList();
        if (!violations.isEmpty()) {
            throw new UnreadableMessage("its body breaks the webhook schema: " + String.join("; ", violations));
        }
        try {
            return json.treeToValue(body, PaymentWebhook.class);
        } catch (JacksonException unconvertible) {
            throw new UnreadableMessage("its body cannot be read as a webhook: " + unconvertible.getOriginalMessage());
        }
    }

    private static com.networknt.schema.Schema load() {
        try (InputStream in = PaymentWebhookReader.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the classpath");
            }
            // Draft 4, the JSON Schema dialect of API Gateway's request validation.
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
