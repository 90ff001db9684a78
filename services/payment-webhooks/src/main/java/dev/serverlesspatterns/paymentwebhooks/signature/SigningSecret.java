package dev.serverlesspatterns.paymentwebhooks.signature;

import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.secrets.CachedSecret;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The HMAC key shared with the payment provider, read from Secrets Manager on first use ({@link CachedSecret}), so a
 * SnapStart snapshot never holds it.
 */
@Component
class SigningSecret {

    private final CachedSecret<byte[]> key;

    SigningSecret(SecretsManagerClient secretsManager, PaymentWebhooksProperties properties) {
        this.key = new CachedSecret<>(
                secretsManager,
                () -> Settings.required(
                        properties.signingSecretArn(),
                        "payment-webhooks.signing-secret-arn",
                        "WEBHOOK_SIGNING_SECRET_ARN"),
                secret -> secret.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return key.value().clone();
    }
}
