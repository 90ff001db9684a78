package dev.serverlesspatterns.paymentwebhooks.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.database.SecretDatabaseCredentials;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payments database as Boot would configure it ({@code spring.datasource.*}), except for the credentials: they
 * come from the Secrets Manager secret named by {@code DATABASE_SECRET_ARN}, read when the pool opens its first
 * connection. A Hikari pool built here connects to nothing before that (its pool starts on the first
 * {@code getConnection}), so function init never touches the database and a SnapStart snapshot holds no connection.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsDataSource {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(
            DataSourceProperties properties,
            SecretsManagerClient secretsManager,
            JsonMapper json,
            PaymentWebhooksProperties settings) {
        HikariDataSource dataSource = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        dataSource.setCredentialsProvider(new SecretDatabaseCredentials(
                secretsManager,
                json,
                () -> Settings.required(
                        settings.databaseSecretArn(), "payment-webhooks.database-secret-arn", "DATABASE_SECRET_ARN")));
        return dataSource;
    }
}
