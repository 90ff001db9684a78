package dev.serverlesspatterns.authorizer.gatekeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.serverlesspatterns.authorizer.AccessTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The verifier on its own, with a trusted RSA key of the test's making and a fixed HS256 secret. */
class TokenVerifierTest {

    private static final String SECRET = "hs256-test-secret-of-more-than-thirty-two-bytes-0123456789";

    private final RSAKey trustedKey = AccessTokens.externalIssuerKey();
    private final AtomicInteger secretReads = new AtomicInteger();
    private final TokenVerifier verifier = new TokenVerifier(
            () -> {
                secretReads.incrementAndGet();
                return SECRET.getBytes(StandardCharsets.UTF_8);
            },
            new JWKSet(trustedKey.toPublicJWK()),
            AccessTokens.ISSUER,
            AccessTokens.AUDIENCE);

    @Test
    void acceptsHs256TokenSignedWithTheSigningSecret() throws Exception {
        // given
        String token = AccessTokens.hs256(
                SECRET,
                AccessTokens.validClaims("user-1").claim("scope", "orders:read").build());

        // when
        VerifiedToken verified = verifier.verify(token);

        // then
        assertThat(verified.subject()).isEqualTo("user-1");
        assertThat(verified.scopeClaim()).containsExactly("orders:read");
        assertThat(verified.bootstrapAdmin()).isFalse();
    }

    @Test
    void acceptsRs256TokenSignedByATrustedKey() throws Exception {
        // given
        String token = AccessTokens.rs256(
                trustedKey, AccessTokens.validClaims("user-1").build());

        // when
        VerifiedToken verified = verifier.verify(token);

        // then
        assertThat(verified.subject()).isEqualTo("user-1");
        assertThat(verified.scopeClaim()).as("no scope claim: no narrowing").isNull();
    }

    @Test
    void readsTheSigningSecretOnlyWhenATokenIsVerified() throws Exception {
        // given a verifier that was just built
        assertThat(secretReads).hasValue(0);

        // when
        verifier.verify(
                AccessTokens.hs256(SECRET, AccessTokens.validClaims("user-1").build()));

        // then
        assertThat(secretReads).hasPositiveValue();
    }

    @Test
    void marksOnlyHs256TokensAsBootstrapAdmin() throws Exception {
        // given the same admin claims, once self-issued and once from an external issuer
        JWTClaimsSet admin = AccessTokens.bootstrapAdminClaims("admin").build();

        // when
        VerifiedToken selfIssued = verifier.verify(AccessTokens.hs256(SECRET, admin));
        VerifiedToken external = verifier.verify(AccessTokens.rs256(trustedKey, admin));

        // then
        assertThat(selfIssued.bootstrapAdmin()).isTrue();
        assertThat(external.bootstrapAdmin()).isFalse();
    }

    @Test
    void rejectsRs256TokenWithAnUnknownKid() throws Exception {
        // given
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("someone-else").generate();

        // when / then
        assertRejected(
                AccessTokens.rs256(stranger, AccessTokens.validClaims("user-1").build()));
    }

    @Test
    void rejectsRs256TokenSignedWithAnotherKeyUnderTheTrustedKid() throws Exception {
        // given
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(trustedKey.getKeyID()).generate();

        // when / then
        assertRejected(
                AccessTokens.rs256(impostor, AccessTokens.validClaims("user-1").build()));
    }

    @Test
    void rejectsHs256TokenKeyedWithTheTrustedRsaPublicKey() {
        // given the classic algorithm confusion: the public key, which anyone has, used as an HMAC secret
        byte[] publicKey = trustedKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        String token = AccessTokens.hmac(
                JWSAlgorithm.HS256,
                publicKey,
                AccessTokens.validClaims("user-1").build());

        // when / then
        assertRejected(token);
    }

    @Test
    void rejectsHs384TokenEvenWithTheRightSecret() {
        // given
        String token = AccessTokens.hmac(
                JWSAlgorithm.HS384,
                (SECRET + SECRET).getBytes(StandardCharsets.UTF_8),
                AccessTokens.validClaims("user-1").build());

        // when / then
        assertRejected(token);
    }

    @Test
    void rejectsEs256Token() throws Exception {
        // given
        ECKey ecKey =
                new ECKeyGenerator(Curve.P_256).keyID(trustedKey.getKeyID()).generate();
        String token = AccessTokens.sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(ecKey.getKeyID())
                        .build(),
                new ECDSASigner(ecKey),
                AccessTokens.validClaims("user-1").build());

        // when / then
        assertRejected(token);
    }

    @Test
    void rejectsUnsignedToken() {
        // when / then
        assertRejected(AccessTokens.unsigned(AccessTokens.validClaims("user-1").build()));
    }

    @Test
    void rejectsTokenWithATamperedPayload() {
        // given a valid token whose payload is swapped for another subject's
        String token =
                AccessTokens.hs256(SECRET, AccessTokens.validClaims("user-1").build());
        String otherPayload = AccessTokens.hs256(
                        SECRET, AccessTokens.validClaims("admin").build())
                .split("\\.")[1];
        String[] parts = token.split("\\.");

        // when / then
        assertRejected(parts[0] + "." + otherPayload + "." + parts[2]);
    }

    @Test
    void rejectsExpiredToken() {
        // given
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        JWTClaimsSet claims = AccessTokens.validClaims("user-1")
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(5))))
                .build();

        // when / then
        assertRejected(AccessTokens.hs256(SECRET, claims));
    }

    @Test
    void rejectsTokenOfAnotherIssuer() {
        // when / then
        assertRejected(AccessTokens.hs256(
                SECRET,
                AccessTokens.validClaims("user-1")
                        .issuer("https://auth.example")
                        .build()));
    }

    @Test
    void rejectsTokenForAnotherAudience() {
        // when / then
        assertRejected(AccessTokens.hs256(
                SECRET,
                AccessTokens.validClaims("user-1").audience("someone-else").build()));
    }

    @Test
    void rejectsTokenWithoutSubject() {
        // when / then
        assertRejected(AccessTokens.hs256(
                SECRET, AccessTokens.validClaims("user-1").subject(null).build()));
    }

    @Test
    void rejectsTokenWithABlankSubject() {
        // when / then
        assertRejected(AccessTokens.hs256(
                SECRET, AccessTokens.validClaims("user-1").subject(" ").build()));
    }

    @Test
    void rejectsTokenWithoutIssuedAt() {
        // when / then
        assertRejected(AccessTokens.hs256(
                SECRET, AccessTokens.validClaims("user-1").issueTime(null).build()));
    }

    @Test
    void rejectsTokenWithoutExpiry() {
        // when / then
        assertRejected(AccessTokens.hs256(
                SECRET, AccessTokens.validClaims("user-1").expirationTime(null).build()));
    }

    @Test
    void rejectsTokenWhoseScopeClaimIsNotAString() {
        // when / then
        assertRejected(AccessTokens.hs256(
                SECRET,
                AccessTokens.validClaims("user-1")
                        .claim("scope", List.of("admin"))
                        .build()));
    }

    @Test
    void rejectsMalformedTokens() {
        // when / then
        assertRejected("");
        assertRejected("not-a-jwt");
        assertRejected("a.b.c");
        assertRejected("eyJhbGciOiJIUzI1NiJ9..");
    }

    private void assertRejected(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(TokenVerifier.RejectedToken.class);
    }
}
