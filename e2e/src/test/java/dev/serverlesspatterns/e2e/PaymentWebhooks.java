package dev.serverlesspatterns.e2e;

import dev.serverlesspatterns.local.LocalSuite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment provider's side of the webhook API and a view into the payments database behind it. Signs the way the
 * provider does (see services/payment-webhooks/README.md): {@code Content-Digest: sha-256=:<base64>:} of the body and
 * {@code Webhook-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + Content-Digest)>}, with the secret the
 * local runtime generated for the template's {@code WebhookSigningSecret}. Written here from the contract, not taken
 * from the service, like a provider's own code would be.
 */
final class PaymentWebhooks {

    static final String PATH = "/webhooks/payments";
    static final String SCHEMA = "payment_webhooks";
    /** The service's Hikari maximum pool size (services/payment-webhooks application.yml): its connection bound. */
    static final int POOL_BOUND = 2;

    private final ShopApi api;
    private final byte[] secret;
    private final SuiteDatabase database;

    PaymentWebhooks(LocalSuite suite) {
        this.api = new ShopApi(suite.gatewayUrl("PaymentWebhooksApi"));
        this.secret =
                suite.stack().secretValue("WebhookSigningSecret").orElseThrow().getBytes(StandardCharsets.UTF_8);
        this.database = new SuiteDatabase(suite);
    }

    /** A webhook body in the provider's contract. */
    static String webhook(String eventId, String accountId, long amountCents) {
        return """
                {"eventId":"%s","eventType":"payment.captured","accountId":"%s","paymentId":"pay_%s",\
                "amountCents":%d,"currency":"EUR","occurredAt":"2026-11-03T10:15:31.207Z"}""".formatted(eventId, accountId, eventId, amountCents);
    }

    /** Posts the body signed now, as the provider does. */
    ShopApi.Response post(String body) {
        return post(body, signedHeaders(body, Instant.now(), secret));
    }

    /** Posts the body with exactly these headers besides {@code Content-Type: application/json}. */
    ShopApi.Response post(String body, Map<String, String> headers) {
        return post(body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Posts these bytes, whatever they are, signed now as the provider does. */
    ShopApi.Response post(byte[] body) {
        return post(body, signedHeaders(body, Instant.now(), secret));
    }

    private ShopApi.Response post(byte[] body, Map<String, String> headers) {
        ShopApi.Request request = api.request("POST", PATH).json(body);
        headers.forEach(request::header);
        return request.send();
    }

    /** The headers that sign this body at this time with this key. */
    Map<String, String> signedHeaders(String body, Instant at, byte[] key) {
        return signedHeaders(body.getBytes(StandardCharsets.UTF_8), at, key);
    }

    private static Map<String, String> signedHeaders(byte[] body, Instant at, byte[] key) {
        String timestamp = String.valueOf(at.getEpochSecond());
        String digest = contentDigest(body);
        return Map.of(
                "Content-Digest", digest,
                "Webhook-Timestamp", timestamp,
                "Webhook-Signature", "sha256=" + HexFormat.of().formatHex(hmac(key, timestamp + "." + digest)));
    }

    Map<String, String> signedHeaders(String body, Instant at) {
        return signedHeaders(body, at, secret);
    }

    static String contentDigest(String body) {
        return contentDigest(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String contentDigest(byte[] body) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(body);
            return "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many payment events are recorded in all. */
    long recordedEvents() {
        return Long.parseLong(query("SELECT count(*) FROM " + SCHEMA + ".payment_events")
                .getFirst()
                .getFirst());
    }

    /** How many payment events of accounts whose id starts with the prefix are recorded. */
    long recordedEvents(String accountPrefix) {
        return Long.parseLong(
                query("SELECT count(*) FROM " + SCHEMA + ".payment_events WHERE account_id LIKE ?", accountPrefix + "%")
                        .getFirst()
                        .getFirst());
    }

    /** Whether the event id was recorded. */
    boolean recorded(String eventId) {
        return !query("SELECT 1 FROM " + SCHEMA + ".payment_events WHERE provider_event_id = ?", eventId)
                .isEmpty();
    }

    /** The account's ledger as [entry id, position, applied at] rows, by position. */
    List<List<String>> ledger(String accountId) {
        return query(
                "SELECT entry_id, position, applied_at FROM " + SCHEMA
                        + ".account_ledger WHERE account_id = ? ORDER BY position",
                accountId);
    }

    /** Runs SQL against the payments database, as a test that installs or drops something does. */
    void execute(String sql) {
        database.execute(sql);
    }

    /** The rows of a query, each column as text. */
    List<List<String>> query(String sql, String... parameters) {
        return database.query(sql, parameters);
    }

    /** The peak of the service's open database connections while the sampler runs (see {@link SuiteDatabase}). */
    SuiteDatabase.ConnectionSampler sampleServiceConnections() {
        return database.sampleConnections("payment-webhooks");
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
