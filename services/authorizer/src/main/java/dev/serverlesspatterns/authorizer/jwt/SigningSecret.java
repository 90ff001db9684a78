package dev.serverlesspatterns.authorizer.jwt;

import dev.serverlesspatterns.authorizer.AuthorizerProperties;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The HS256 key, read from Secrets Manager on first use rather than at start-up, so a context that never signs
 * or verifies never calls Secrets Manager and a SnapStart snapshot never holds the key. Rotating the secret
 * takes effect in new execution environments.
 */
@Component
public class SigningSecret {

    private final SecretsManagerClient secretsManager;
    private final String secretArn;
    private volatile byte[] key;

    SigningSecret(SecretsManagerClient secretsManager, AuthorizerProperties properties) {
        this.secretsManager = secretsManager;
        this.secretArn = AuthorizerProperties.required(properties.jwt().signingSecretArn(), "JWT_SIGNING_SECRET_ARN");
    }

    public byte[] bytes() {
        byte[] cached = key;
        if (cached == null) {
            // Two threads racing here both fetch the same value; that is cheaper than a lock on every request.
            cached = secretsManager
                    .getSecretValue(request -> request.secretId(secretArn))
                    .secretString()
                    .getBytes(StandardCharsets.UTF_8);
            key = cached;
        }
        return cached.clone();
    }
}
