package dev.serverlesspatterns.platform.database;

import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;
import dev.serverlesspatterns.platform.secrets.CachedSecret;
import java.util.function.Supplier;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database user and password, from a secret {@code {"username":"...","password":"..."}} (the shape RDS uses for
 * its own secrets). Hikari asks for them each time it opens a connection; the secret is read once, at the first, and
 * cached ({@link CachedSecret}), so a pool built with it connects to nothing and reads nothing in function init.
 */
public final class SecretDatabaseCredentials implements HikariCredentialsProvider {

    private final CachedSecret<Credentials> secret;

    /** @param secretArn asked at the first connection, so a missing setting fails there with its name */
    public SecretDatabaseCredentials(SecretsManagerClient secretsManager, JsonMapper json, Supplier<String> secretArn) {
        this.secret = new CachedSecret<>(secretsManager, secretArn, value -> read(json, value));
    }

    /**
     * The pool as Boot would configure it ({@code spring.datasource.*}), except for the credentials, which come from
     * the secret. A Hikari pool built here connects to nothing before its first {@code getConnection}, so function
     * init never touches the database and a SnapStart snapshot holds no connection.
     */
    public static HikariDataSource pool(
            DataSourceProperties properties,
            SecretsManagerClient secretsManager,
            JsonMapper json,
            Supplier<String> secretArn) {
        HikariDataSource dataSource = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        dataSource.setCredentialsProvider(new SecretDatabaseCredentials(secretsManager, json, secretArn));
        return dataSource;
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
