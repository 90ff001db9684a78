package dev.serverlesspatterns.paymentwebhooks.migration;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the Flyway migrations of src/main/resources/db/migration, once per deploy: the template's custom resource
 * {@code PaymentsSchemaMigration} calls this function when it is created and whenever the function's version changes
 * (new migrations ship as a new version). No other function migrates, so none touches the database while it starts.
 * Delete does nothing: the schema and its data outlive the stack. Whatever happens, CloudFormation hears the outcome
 * ({@link CustomResourceResponses}), so a failed migration fails the deploy instead of leaving it waiting.
 */
@Component("migratePaymentsSchema")
class MigratePaymentsSchema implements Consumer<CloudFormationCustomResourceEvent> {

    /** The service owns this schema, so services sharing one database never share migrations (see application.yml). */
    static final String SCHEMA = "payment_webhooks";

    /** The same on every Create and Update, so CloudFormation never mistakes an update for a replacement. */
    static final String PHYSICAL_RESOURCE_ID = "payments-schema-migration";

    private static final Logger log = LoggerFactory.getLogger(MigratePaymentsSchema.class);

    private final DataSource dataSource;
    private final CustomResourceResponses responses;

    MigratePaymentsSchema(DataSource dataSource, CustomResourceResponses responses) {
        this.dataSource = dataSource;
        this.responses = responses;
    }

    @Override
    public void accept(CloudFormationCustomResourceEvent event) {
        String physicalId =
                event.getPhysicalResourceId() == null ? PHYSICAL_RESOURCE_ID : event.getPhysicalResourceId();
        CustomResourceResponses.Outcome outcome;
        try {
            outcome = switch (event.getRequestType()) {
                case "Create", "Update" -> migrate(physicalId);
                case "Delete" -> CustomResourceResponses.Outcome.success(physicalId, Map.of());
                default -> throw new IllegalArgumentException("Unknown RequestType " + event.getRequestType());
            };
        } catch (RuntimeException failure) {
            log.error("Schema migration failed ({} {})", event.getRequestType(), event.getLogicalResourceId(), failure);
            outcome = CustomResourceResponses.Outcome.failed(physicalId, failure);
        }
        responses.send(event, outcome);
    }

    private CustomResourceResponses.Outcome migrate(String physicalId) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null
                ? result.targetSchemaVersion
                : String.valueOf(result.initialSchemaVersion);
        log.info("Schema {} at version {} ({} migrations applied)", SCHEMA, version, result.migrationsExecuted);
        return CustomResourceResponses.Outcome.success(physicalId, Map.of("SchemaVersion", version));
    }
}
