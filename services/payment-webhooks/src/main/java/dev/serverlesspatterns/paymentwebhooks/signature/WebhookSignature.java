package dev.serverlesspatterns.paymentwebhooks.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's signature: {@code Webhook-Signature: sha256=<hex HMAC-SHA256(key, timestamp + "." + contentDigest)>},
 * where the timestamp is the {@code Webhook-Timestamp} header (Unix seconds) and the digest the {@code Content-Digest}
 * header, byte for byte. The body itself is not signed because the authorizer never sees it: the digest stands for it,
 * and the consumer checks that the body matches the digest (see the service README).
 */
final class WebhookSignature {

    static final String PREFIX = "sha256=";
    private static final String HMAC_SHA_256 = "HmacSHA256";

    private final byte[] key;
    private final Duration tolerance;

    WebhookSignature(byte[] key, Duration tolerance) {
        this.key = key.clone();
        this.tolerance = tolerance;
    }

    /** The header value the provider sends for this timestamp and digest. */
    String sign(String timestamp, String contentDigest) {
        return PREFIX + HexFormat.of().formatHex(hmac(timestamp, contentDigest));
    }

    /** @throws Rejected saying why, without echoing any header */
    void verify(String signature, String timestamp, String contentDigest, Instant now) {
        if (signature == null || timestamp == null || contentDigest == null) {
            throw new Rejected("a signature header is missing");
        }
        Instant signedAt = parseTimestamp(timestamp);
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw new Rejected("the timestamp is more than " + tolerance + " away from now");
        }
        if (ContentDigest.sha256Of(contentDigest).isEmpty()) {
            throw new Rejected("Content-Digest carries no sha-256");
        }
        if (!signature.startsWith(PREFIX)) {
            throw new Rejected("the signature is not " + PREFIX + "<hex>");
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signature.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            throw new Rejected("the signature is not hex");
        }
        // Constant time: how many leading bytes match must not show in the response time.
        if (!MessageDigest.isEqual(presented, hmac(timestamp, contentDigest))) {
            throw new Rejected("the signature does not match");
        }
    }

    private static Instant parseTimestamp(String timestamp) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException | java.time.DateTimeException notSeconds) {
            throw new Rejected("the timestamp is not Unix seconds");
        }
    }

    private byte[] hmac(String timestamp, String contentDigest) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA_256);
            mac.init(new SecretKeySpec(key, HMAC_SHA_256));
            return mac.doFinal((timestamp + "." + contentDigest).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Why a request was refused; logged, never returned to the caller. */
    static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
