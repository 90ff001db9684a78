package dev.serverlesspatterns.paymentwebhooks;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the Flyway migrations (src/main/resources/db/migration) when the context starts, in every function that has
 * a database. The platform makes beans lazy, which would defer them to the first message; the signature authorizer
 * has no {@code spring.datasource.url} and never touches the database. Flyway takes a Postgres advisory lock, so
 * functions starting together migrate once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
class SchemaMigrations {

    @Bean
    static LazyInitializationExcludeFilter migrateAtStartup() {
        return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class);
    }
}
