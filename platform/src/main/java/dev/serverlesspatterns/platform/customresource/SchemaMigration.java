package dev.serverlesspatterns.platform.customresource;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service's Flyway migrations (src/main/resources/db/migration) into the schema the service owns, once per
 * deploy: the template's custom resource ({@code Custom::SchemaMigration}) calls the function when it is created and
 * whenever the function's version changes (new migrations ship as a new version). No other function migrates, so none
 * touches the database while it starts. Delete does nothing: the schema and its data outlive the stack. Whatever
 * happens, CloudFormation hears the outcome ({@link CustomResourceResponses}), so a failed migration fails the deploy
 * instead of leaving it waiting.
 */
public final class SchemaMigration implements Consumer<CloudFormationCustomResourceEvent> {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

    private final DataSource dataSource;
    private final CustomResourceResponses responses;
    private final String schema;
    private final String physicalResourceId;

    /**
     * @param schema the service's own schema, so services sharing one database never share migrations
     * @param physicalResourceId the same on every Create and Update, so CloudFormation never mistakes an update for a
     *     replacement
     */
    public SchemaMigration(
            DataSource dataSource, CustomResourceResponses responses, String schema, String physicalResourceId) {
        this.dataSource = dataSource;
        this.responses = responses;
        this.schema = schema;
        this.physicalResourceId = physicalResourceId;
    }

    @Override
    public void accept(CloudFormationCustomResourceEvent event) {
        String physicalId = event.getPhysicalResourceId() == null ? physicalResourceId : event.getPhysicalResourceId();
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
                .schemas(schema)
                .defaultSchema(schema)
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null
                ? result.targetSchemaVersion
                : String.valueOf(result.initialSchemaVersion);
        log.info("Schema {} at version {} ({} migrations applied)", schema, version, result.migrationsExecuted);
        return CustomResourceResponses.Outcome.success(physicalId, Map.of("SchemaVersion", version));
    }
}
