package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schema migrations run the way a deploy runs them: the local suite creates the template's custom resource
 * {@code PaymentsSchemaMigration} once its services are up, through the migration function, before any event source
 * or route feeds the consumers; the consumers never migrate while they start.
 */
@ExtendWith(LocalSuiteExtension.class)
class SchemaMigrationIT {

    @Test
    void theSuiteCreatedTheSchemaMigrationThroughItsFunctionOnce(LocalSuite suite) {
        // given the started suite
        // then the custom resource holds what the migration function answered CloudFormation
        assertThat(suite.stack().ref("PaymentsSchemaMigration")).isEqualTo("payments-schema-migration");
        assertThat(suite.stack().attribute("PaymentsSchemaMigration", "SchemaVersion"))
                .isEqualTo("1");

        // and the function ran once, for the one Create request
        assertThat(suite.invocations().count("MigratePaymentsSchemaFunction")).isEqualTo(1);

        // and the schema is there for the consumers
        PaymentWebhooks payments = new PaymentWebhooks(suite);
        assertThat(payments.query(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1",
                        PaymentWebhooks.SCHEMA))
                .contains(List.of("account_ledger"), List.of("payment_events"));
    }
}
