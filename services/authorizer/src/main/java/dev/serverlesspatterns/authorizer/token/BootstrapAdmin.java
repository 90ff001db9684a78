package dev.serverlesspatterns.authorizer.token;

import dev.serverlesspatterns.authorizer.AuthorizerProperties;
import dev.serverlesspatterns.authorizer.users.ClientSecrets;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.secrets.CachedSecret;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one client that is not in the users table: its credentials are the generated secret
 * {@code {"clientId":"admin","clientSecret":"..."}}, so the first admin exists without anyone writing a password
 * into a template. Read on first use and kept for the life of the execution environment ({@link CachedSecret}).
 */
@Component
class BootstrapAdmin {

    private final CachedSecret<Credentials> credentials;

    BootstrapAdmin(SecretsManagerClient secretsManager, JsonMapper json, AuthorizerProperties properties) {
        String secretArn = Settings.required(
                properties.adminClientSecretArn(), "authorizer.admin-client-secret-arn", "ADMIN_CLIENT_SECRET_ARN");
        this.credentials = new CachedSecret<>(secretsManager, () -> secretArn, secret -> read(json, secret));
    }

    boolean isAdmin(String clientId) {
        return credentials().clientId().equals(clientId);
    }

    /** Compares digests, so neither the content nor the length of the secret leaks through timing. */
    boolean secretMatches(String presentedSecret) {
        return MessageDigest.isEqual(
                ClientSecrets.sha256(presentedSecret),
                ClientSecrets.sha256(credentials().clientSecret()));
    }

    private Credentials credentials() {
        return credentials.value();
    }

    private static Credentials read(JsonMapper json, String secret) {
        Credentials read = json.readValue(secret, Credentials.class);
        if (read.clientId() == null
                || read.clientSecret() == null
                || read.clientSecret().isBlank()) {
            throw new IllegalStateException("The admin client secret needs clientId and clientSecret");
        }
        return read;
    }

    private record Credentials(String clientId, String clientSecret) {}
}
