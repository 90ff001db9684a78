package dev.serverlesspatterns.paymentwebhooks.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The RFC 9530 {@code Content-Digest} header, {@code sha-256=:<base64 of the body's SHA-256>:}. The header is a
 * structured-field dictionary and may list other algorithms beside {@code sha-256}; only {@code sha-256} counts here.
 */
public final class ContentDigest {

    private static final String SHA_256 = "sha-256";
    private static final int SHA_256_LENGTH = 32;

    private ContentDigest() {}

    /** The header value for this body. */
    public static String of(String body) {
        return SHA_256 + "=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
    }

    /** The SHA-256 the header announces; empty when the header lists none or it is not 32 bytes of base64. */
    public static Optional<byte[]> sha256Of(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String member : header.split(",")) {
            String[] keyAndValue = member.trim().split("=", 2);
            if (keyAndValue.length == 2 && keyAndValue[0].trim().equals(SHA_256)) {
                return decode(keyAndValue[1].trim());
            }
        }
        return Optional.empty();
    }

    /** Whether the body hashes to the header's SHA-256. */
    public static boolean matches(String body, String header) {
        return sha256Of(header)
                .map(announced -> MessageDigest.isEqual(announced, sha256(body)))
                .orElse(false);
    }

    private static Optional<byte[]> decode(String byteSequence) {
        if (byteSequence.length() < 2 || !byteSequence.startsWith(":") || !byteSequence.endsWith(":")) {
            return Optional.empty();
        }
        try {
            byte[] digest = Base64.getDecoder().decode(byteSequence.substring(1, byteSequence.length() - 1));
            return digest.length == SHA_256_LENGTH ? Optional.of(digest) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
