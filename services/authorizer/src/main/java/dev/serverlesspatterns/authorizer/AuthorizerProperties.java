package dev.serverlesspatterns.authorizer;

import dev.serverlesspatterns.platform.Settings;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Settings of the authorizer service, fed from the template's environment variables. Each function is given
 * only the variables it needs, so every value may be empty here; the bean that needs one checks it with
 * {@link Settings#required} and fails at its first use with the variable's name.
 *
 * @param usersTableName DynamoDB table of users and clients ({@code USERS_TABLE})
 * @param adminClientSecretArn secret holding the bootstrap admin's credentials ({@code ADMIN_CLIENT_SECRET_ARN})
 * @param jwt how access tokens are signed and checked
 */
@ConfigurationProperties("authorizer")
public record AuthorizerProperties(
        String usersTableName,
        String adminClientSecretArn,
        @DefaultValue Jwt jwt) {

    /**
     * @param signingSecretArn secret holding the HS256 key ({@code JWT_SIGNING_SECRET_ARN})
     * @param issuer exact {@code iss} written and required ({@code JWT_ISSUER})
     * @param audience {@code aud} written and required ({@code JWT_AUDIENCE})
     * @param trustedRsaKeys JWK Set of public RSA keys whose RS256 tokens are accepted ({@code JWT_TRUSTED_RSA_KEYS})
     * @param accessTokenTtl lifetime of an issued token ({@code ACCESS_TOKEN_TTL_SECONDS})
     */
    public record Jwt(
            String signingSecretArn,
            String issuer,
            String audience,
            String trustedRsaKeys,

            @DefaultValue("3600") @DurationUnit(ChronoUnit.SECONDS)
            Duration accessTokenTtl) {}
}
