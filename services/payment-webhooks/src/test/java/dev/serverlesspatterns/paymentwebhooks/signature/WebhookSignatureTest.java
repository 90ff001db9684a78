package dev.serverlesspatterns.paymentwebhooks.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] KEY = "whsec_test_key".getBytes(StandardCharsets.UTF_8);
    private static final String TIMESTAMP = "1793700931";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1793700931);
    private static final String DIGEST = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";

    private final WebhookSignature signature = new WebhookSignature(KEY, Duration.ofMinutes(5));

    @Test
    void signsWhatOpensslComputesForTimestampDotDigest() {
        // printf '%s' "1793700931.$DIGEST" | openssl dgst -sha256 -hmac whsec_test_key -r
        assertThat(signature.sign(TIMESTAMP, DIGEST))
                .isEqualTo("sha256=24e2a5e436378eb2ab8cef21fd62ff8bb3d8e4818c5ab96b7f0ae4a9bf14fd7e");
    }

    @Test
    void acceptsItsOwnSignatureWithinTheToleranceEitherWay() {
        String signed = signature.sign(TIMESTAMP, DIGEST);

        assertThatCode(() -> signature.verify(signed, TIMESTAMP, DIGEST, SIGNED_AT))
                .doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(signed, TIMESTAMP, DIGEST, SIGNED_AT.plus(Duration.ofMinutes(5))))
                .doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(signed, TIMESTAMP, DIGEST, SIGNED_AT.minus(Duration.ofMinutes(5))))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsUppercaseHex() {
        String signed = signature.sign(TIMESTAMP, DIGEST);
        String upper = WebhookSignature.PREFIX
                + signed.substring(WebhookSignature.PREFIX.length()).toUpperCase();

        assertThatCode(() -> signature.verify(upper, TIMESTAMP, DIGEST, SIGNED_AT))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesATimestampMoreThanFiveMinutesOldOrAhead() {
        String signed = signature.sign(TIMESTAMP, DIGEST);

        assertRejected(() -> signature.verify(signed, TIMESTAMP, DIGEST, SIGNED_AT.plusSeconds(301)), "timestamp");
        assertRejected(() -> signature.verify(signed, TIMESTAMP, DIGEST, SIGNED_AT.minusSeconds(301)), "timestamp");
    }

    @Test
    void refusesASignatureOverAnotherDigestOrTimestamp() {
        String signed = signature.sign(TIMESTAMP, DIGEST);
        String otherDigest = ContentDigest.of("{\"hello\": \"mallory\"}");

        assertRejected(() -> signature.verify(signed, TIMESTAMP, otherDigest, SIGNED_AT), "does not match");
        assertRejected(() -> signature.verify(signed, "1793700932", DIGEST, SIGNED_AT), "does not match");
    }

    @Test
    void refusesASignatureMadeWithAnotherKey() {
        String forged = new WebhookSignature("another-key".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5))
                .sign(TIMESTAMP, DIGEST);

        assertRejected(() -> signature.verify(forged, TIMESTAMP, DIGEST, SIGNED_AT), "does not match");
    }

    @Test
    void refusesMalformedHeaders() {
        String signed = signature.sign(TIMESTAMP, DIGEST);
        String hex = signed.substring(WebhookSignature.PREFIX.length());

        assertRejected(() -> signature.verify(null, TIMESTAMP, DIGEST, SIGNED_AT), "missing");
        assertRejected(() -> signature.verify(signed, null, DIGEST, SIGNED_AT), "missing");
        assertRejected(() -> signature.verify(signed, TIMESTAMP, null, SIGNED_AT), "missing");
        assertRejected(() -> signature.verify(hex, TIMESTAMP, DIGEST, SIGNED_AT), "sha256=");
        assertRejected(() -> signature.verify("sha256=zz" + hex, TIMESTAMP, DIGEST, SIGNED_AT), "not hex");
        assertRejected(() -> signature.verify(signed, "2026-11-03T10:15:31Z", DIGEST, SIGNED_AT), "Unix seconds");
        assertRejected(() -> signature.verify(signed, TIMESTAMP, "md5=:AAAA:", SIGNED_AT), "Content-Digest carries no");
        assertRejected(() -> signature.verify("sha256=", TIMESTAMP, DIGEST, SIGNED_AT), "does not match");
    }

    private static void assertRejected(Runnable verification, String reason) {
        assertThatThrownBy(verification::run)
                .isInstanceOf(WebhookSignature.Rejected.class)
                .hasMessageContaining(reason);
    }
}
