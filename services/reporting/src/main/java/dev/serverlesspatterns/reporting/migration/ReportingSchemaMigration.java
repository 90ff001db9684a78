package dev.serverlesspatterns.reporting.migration;

import dev.serverlesspatterns.platform.customresource.CustomResourceResponses;
import dev.serverlesspatterns.platform.customresource.SchemaMigration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code migrateReportingSchema}: the template's custom resource {@code ReportingSchemaMigration} creates the read
 * model (src/main/resources/db/migration) in the schema {@code reporting}, once per deploy ({@link SchemaMigration}).
 */
@Configuration(proxyBeanMethods = false)
class ReportingSchemaMigration {

    /** The read model's own schema, so it never shares migrations with payment-webhooks in the same database. */
    static final String SCHEMA = "reporting";

    @Bean
    SchemaMigration migrateReportingSchema(DataSource dataSource, JsonMapper json) {
        return new SchemaMigration(dataSource, new CustomResourceResponses(json), SCHEMA, "reporting-schema-migration");
    }
}
