package dev.serverlesspatterns.authorizer.jwt;

import dev.serverlesspatterns.authorizer.AuthorizerProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.secrets.CachedSecret;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The HS256 key, read from Secrets Manager on first use ({@link CachedSecret}), so a context that never signs or
 * verifies never calls Secrets Manager and a SnapStart snapshot never holds the key.
 */
@Component
public class SigningSecret {

    private final CachedSecret<byte[]> key;

    SigningSecret(SecretsManagerClient secretsManager, AuthorizerProperties properties) {
        String secretArn = Settings.required(
                properties.jwt().signingSecretArn(), "authorizer.jwt.signing-secret-arn", "JWT_SIGNING_SECRET_ARN");
        this.key =
                new CachedSecret<>(secretsManager, () -> secretArn, secret -> secret.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return key.value().clone();
    }
}
