package dev.serverlesspatterns.paymentwebhooks.database;

import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.util.Credentials;
import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.secrets.CachedSecret;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database user and password, from the secret {@code {"username":"...","password":"..."}} the template builds
 * ({@code PaymentsDatabaseSecret}, the shape RDS uses for its own secrets). Hikari asks for them each time it opens a
 * connection; the secret is read once, at the first, and cached ({@link CachedSecret}).
 */
@Component
class DatabaseCredentials implements HikariCredentialsProvider {

    private final CachedSecret<Credentials> secret;

    DatabaseCredentials(SecretsManagerClient secretsManager, JsonMapper json, PaymentWebhooksProperties properties) {
        this.secret = new CachedSecret<>(
                secretsManager,
                () -> Settings.required(
                        properties.databaseSecretArn(), "payment-webhooks.database-secret-arn", "DATABASE_SECRET_ARN"),
                value -> read(json, value));
    }

    @Override
    public Credentials getCredentials() {
        return secret.value();
    }

    private static Credentials read(JsonMapper json, String value) {
        UserAndPassword secret = json.readValue(value, UserAndPassword.class);
        if (secret.username() == null
                || secret.username().isBlank()
                || secret.password() == null
                || secret.password().isEmpty()) {
            throw new IllegalStateException("The database secret needs a username and a password");
        }
        return Credentials.of(secret.username(), secret.password());
    }

    private record UserAndPassword(String username, String password) {}
}
