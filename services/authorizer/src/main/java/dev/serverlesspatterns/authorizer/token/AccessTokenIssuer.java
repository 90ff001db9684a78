package dev.serverlesspatterns.authorizer.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.serverlesspatterns.authorizer.AuthorizerProperties;
import dev.serverlesspatterns.authorizer.jwt.AccessTokenClaims;
import dev.serverlesspatterns.authorizer.jwt.SigningSecret;
import dev.serverlesspatterns.authorizer.users.Scopes;
import dev.serverlesspatterns.platform.Settings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs short-lived HS256 access tokens with the key the authorizer verifies them with. */
@Component
class AccessTokenIssuer {

    private final SigningSecret signingSecret;
    private final String issuer;
    private final String audience;
    private final Duration timeToLive;

    AccessTokenIssuer(SigningSecret signingSecret, AuthorizerProperties properties) {
        this.signingSecret = signingSecret;
        this.issuer = Settings.required(properties.jwt().issuer(), "authorizer.jwt.issuer", "JWT_ISSUER");
        this.audience = Settings.required(properties.jwt().audience(), "authorizer.jwt.audience", "JWT_AUDIENCE");
        this.timeToLive = properties.jwt().accessTokenTtl();
    }

    IssuedToken issue(AuthenticatedClient client, Set<String> scopes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String scope = Scopes.join(scopes);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(client.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(timeToLive)))
                .jwtID(UUID.randomUUID().toString())
                .claim(AccessTokenClaims.SCOPE, scope)
                .claim(
                        AccessTokenClaims.CLIENT_TYPE,
                        client.bootstrapAdmin() ? AccessTokenClaims.ADMIN_CLIENT : AccessTokenClaims.REGISTERED_CLIENT)
                .build();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            token.sign(new MACSigner(signingSecret.bytes()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign access tokens with the configured key", e);
        }
        return new IssuedToken(token.serialize(), timeToLive.toSeconds(), scope);
    }

    record IssuedToken(String accessToken, long expiresIn, String scope) {}
}
