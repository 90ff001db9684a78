package dev.serverlesspatterns.paymentwebhooks.signature;

import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksProperties;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The HMAC key shared with the payment provider, read from Secrets Manager on first use rather than at start-up, so
 * a SnapStart snapshot never holds it. Rotating the secret takes effect in new execution environments.
 */
@Component
class SigningSecret {

    private final SecretsManagerClient secretsManager;
    private final PaymentWebhooksProperties properties;
    private volatile byte[] key;

    SigningSecret(SecretsManagerClient secretsManager, PaymentWebhooksProperties properties) {
        this.secretsManager = secretsManager;
        this.properties = properties;
    }

    byte[] bytes() {
        byte[] cached = key;
        if (cached == null) {
            String arn =
                    PaymentWebhooksProperties.required(properties.signingSecretArn(), "WEBHOOK_SIGNING_SECRET_ARN");
            // Two threads racing here both fetch the same value; that is cheaper than a lock on every request.
            cached = secretsManager
                    .getSecretValue(request -> request.secretId(arn))
                    .secretString()
                    .getBytes(StandardCharsets.UTF_8);
            key = cached;
        }
        return cached.clone();
    }
}
