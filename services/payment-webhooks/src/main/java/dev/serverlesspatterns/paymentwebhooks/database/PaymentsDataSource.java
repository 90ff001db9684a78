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

/** The payments database: a pool with credentials from the secret {@code DATABASE_SECRET_ARN} names. */
@Configuration(proxyBeanMethods = false)
class PaymentsDataSource {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(
            DataSourceProperties properties,
            SecretsManagerClient secretsManager,
            JsonMapper json,
            PaymentWebhooksProperties settings) {
        return SecretDatabaseCredentials.pool(
                properties,
                secretsManager,
                json,
                () -> Settings.required(
                        settings.databaseSecretArn(), "payment-webhooks.database-secret-arn", "DATABASE_SECRET_ARN"));
    }
}
