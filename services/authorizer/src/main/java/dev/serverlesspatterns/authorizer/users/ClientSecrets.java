package dev.serverlesspatterns.authorizer.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Client secrets are 256 random bits, shown once and stored only as their SHA-256. A fast hash is enough here:
 * slow password hashes (bcrypt, Argon2) exist to make guessing low-entropy human passwords expensive, but no
 * number of guesses finds a 256-bit random value, so a slow hash would only add latency to every token request.
 */
@Component
public class ClientSecrets {

    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** A new secret and the hash to store; the secret itself is returned to the admin once and never kept. */
    IssuedSecret generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new IssuedSecret(secret, hash(secret));
    }

    record IssuedSecret(String secret, String hash) {}

    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
    public static boolean matches(String presentedSecret, String storedHash) {
        if (presentedSecret == null || storedHash == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException corrupt) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presentedSecret), expected);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM provides SHA-256", impossible);
        }
    }
}
