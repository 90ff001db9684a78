package dev.serverlesspatterns.reporting.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.database.SecretDatabaseCredentials;
import dev.serverlesspatterns.reporting.ReportingProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

/** The read model's database: a pool with credentials from the secret {@code DATABASE_SECRET_ARN} names. */
@Configuration(proxyBeanMethods = false)
class ReportingDataSource {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(
            DataSourceProperties properties,
            SecretsManagerClient secretsManager,
            JsonMapper json,
            ReportingProperties settings) {
        return SecretDatabaseCredentials.pool(
                properties,
                secretsManager,
                json,
                () -> Settings.required(
                        settings.databaseSecretArn(), "reporting.database-secret-arn", "DATABASE_SECRET_ARN"));
    }
}
