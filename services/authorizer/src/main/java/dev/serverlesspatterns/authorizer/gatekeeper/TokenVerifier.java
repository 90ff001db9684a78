package dev.serverlesspatterns.authorizer.gatekeeper;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.serverlesspatterns.authorizer.jwt.AccessTokenClaims;
import dev.serverlesspatterns.authorizer.users.Scopes;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies bearer JWTs: HS256 signed with this service's secret (tokens from the token endpoint) or RS256 signed
 * by a trusted external key, chosen by {@code kid}. Every other algorithm, {@code alg: none} included, and every
 * token whose issuer, audience, expiry or required claims do not check out is rejected. Nimbus picks keys by
 * key type, so an RSA public key can never be used as an HMAC secret (algorithm confusion).
 */
class TokenVerifier {

    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /**
     * @param hmacSecret the HS256 key, asked for only when a token is verified, so start-up reads no secret
     */
    TokenVerifier(Supplier<byte[]> hmacSecret, JWKSet trustedRsaKeys, String issuer, String audience) {
        List<JWK> rsaKeys = List.copyOf(trustedRsaKeys.getKeys());
        JWKSource<SecurityContext> keys = (selector, context) -> {
            List<JWK> candidates = new ArrayList<>(rsaKeys);
            candidates.add(new OctetSequenceKey.Builder(hmacSecret.get())
                    .algorithm(JWSAlgorithm.HS256)
                    .build());
            return selector.select(new JWKSet(candidates));
        };
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.ISSUED_AT)));
    }

    VerifiedToken verify(String token) throws RejectedToken {
        try {
            // Parsing as a signed JWT already refuses unsecured (alg: none) and encrypted tokens.
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = processor.process(jwt, null);
            if (claims.getSubject().isBlank()) {
                throw new RejectedToken("blank subject");
            }
            String scope = claims.getStringClaim(AccessTokenClaims.SCOPE);
            boolean bootstrapAdmin = JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    && AccessTokenClaims.ADMIN_CLIENT.equals(claims.getStringClaim(AccessTokenClaims.CLIENT_TYPE));
            return new VerifiedToken(claims.getSubject(), scope == null ? null : Scopes.parse(scope), bootstrapAdmin);
        } catch (ParseException malformed) {
            throw new RejectedToken("malformed token");
        } catch (BadJOSEException | JOSEException rejected) {
            throw new RejectedToken(rejected.getMessage());
        }
    }

    /** Why a token was refused, for the log; the caller only ever hears "Unauthorized". */
    static final class RejectedToken extends Exception {

        RejectedToken(String reason) {
            super(reason, null, false, false);
        }
    }
}
