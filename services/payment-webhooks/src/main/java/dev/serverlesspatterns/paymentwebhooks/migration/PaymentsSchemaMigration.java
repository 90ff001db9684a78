package dev.serverlesspatterns.paymentwebhooks.migration;

import dev.serverlesspatterns.platform.customresource.CustomResourceResponses;
import dev.serverlesspatterns.platform.customresource.SchemaMigration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code migratePaymentsSchema}: the template's custom resource {@code PaymentsSchemaMigration} runs the migrations of
 * src/main/resources/db/migration into the service's schema, once per deploy ({@link SchemaMigration}).
 */
@Configuration(proxyBeanMethods = false)
class PaymentsSchemaMigration {

    /** The service owns this schema, so services sharing one database never share migrations (see application.yml). */
    static final String SCHEMA = "payment_webhooks";

    @Bean
    SchemaMigration migratePaymentsSchema(DataSource dataSource, JsonMapper json) {
        return new SchemaMigration(dataSource, new CustomResourceResponses(json), SCHEMA, "payments-schema-migration");
    }
}
