package dev.serverlesspatterns.authorizer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Mints the tokens the tests present: good ones, and each kind of bad one. */
public final class AccessTokens {

    /** The template's JwtIssuer and JwtAudience parameter defaults, which the harness provisions. */
    public static final String ISSUER = "https://auth.serverlesspatterns.dev";

    public static final String AUDIENCE = "serverless-patterns-suite";

    /** Key id of the test-only external issuer the module's Surefire configuration trusts. */
    public static final String EXTERNAL_KEY_ID = "test-external-issuer-2026";

    private AccessTokens() {}

    /** Claims of a token that is valid for the next five minutes. */
    public static JWTClaimsSet.Builder validClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Claims like those the token endpoint gives the bootstrap admin, with the given scope claim. */
    public static JWTClaimsSet.Builder bootstrapAdminClaims(String scope) {
        return validClaims("admin").claim("scope", scope).claim("client_type", "bootstrap-admin");
    }

    public static String hs256(String secret, JWTClaimsSet claims) {
        return hmac(JWSAlgorithm.HS256, secret.getBytes(StandardCharsets.UTF_8), claims);
    }

    public static String hmac(JWSAlgorithm algorithm, byte[] secret, JWTClaimsSet claims) {
        try {
            return sign(
                    new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), new MACSigner(secret), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String rs256(RSAKey key, JWTClaimsSet claims) {
        try {
            return sign(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    new RSASSASigner(key),
                    claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** {@code alg: none}: a token anyone can write. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** The private key of the test-only external issuer (never used outside tests). */
    public static RSAKey externalIssuerKey() {
        try (InputStream in =
                AccessTokens.class.getClassLoader().getResourceAsStream("keys/external-issuer.private.jwk.json")) {
            return RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
