package dev.serverlesspatterns.paymentwebhooks.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.customresource.ResponseEndpoint;
import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksStack;
import dev.serverlesspatterns.paymentwebhooks.PaymentsDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The migration function through SCF's FunctionInvoker, fed CloudFormation's custom resource requests
 * ({@code events/migrate-payments-schema.json}) against the real payments database. Its outcome only ever reaches
 * CloudFormation as the document it PUTs to the request's {@code ResponseURL}, here served on loopback.
 */
@PaymentWebhooksStack
class MigratePaymentsSchemaLambdaTest {

    private static final String FUNCTION = "MigratePaymentsSchemaFunction";
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void createMigratesTheSchemaAndReportsSuccessWithItsVersion(LambdaHarness lambda, PaymentsDatabase database)
            throws Exception {
        try (ResponseEndpoint cloudFormation = ResponseEndpoint.start()) {
            // given CloudFormation's Create request
            ObjectNode request = Fixtures.event("migrate-payments-schema.json");
            ResponseEndpoint.Expected expected = respondingTo(request, cloudFormation);

            // when
            lambda.invoke(FUNCTION, request.toString());

            // then CloudFormation hears SUCCESS for this very request, with the schema version as data
            JsonNode response = expected.response().get(RESPONSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.get("Status").asString()).isEqualTo("SUCCESS");
            assertThat(response.get("PhysicalResourceId").asString()).isEqualTo("payments-schema-migration");
            assertThat(response.get("StackId").asString())
                    .isEqualTo(request.get("StackId").asString());
            assertThat(response.get("RequestId").asString())
                    .isEqualTo(request.get("RequestId").asString());
            assertThat(response.get("LogicalResourceId").asString()).isEqualTo("PaymentsSchemaMigration");
            assertThat(response.get("Data").get("SchemaVersion").asString()).isEqualTo("1");

            // and the service's tables exist in its schema
            assertThat(tables(database)).contains("payment_events", "account_ledger");
        }
    }

    @Test
    void deleteLeavesTheSchemaAndItsDataAndSucceeds(LambdaHarness lambda, PaymentsDatabase database) throws Exception {
        lambda.createCustomResource("PaymentsSchemaMigration");
        try (ResponseEndpoint cloudFormation = ResponseEndpoint.start()) {
            // given CloudFormation's Delete request for the resource a Create made
            ObjectNode request = Fixtures.event("migrate-payments-schema.json");
            request.put("RequestType", "Delete");
            request.put("PhysicalResourceId", "payments-schema-migration");
            ResponseEndpoint.Expected expected = respondingTo(request, cloudFormation);

            // when
            lambda.invoke(FUNCTION, request.toString());

            // then it succeeds with the same physical id, and nothing was dropped
            JsonNode response = expected.response().get(RESPONSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.get("Status").asString()).isEqualTo("SUCCESS");
            assertThat(response.get("PhysicalResourceId").asString()).isEqualTo("payments-schema-migration");
            assertThat(tables(database)).contains("payment_events", "account_ledger");
        }
    }

    @Test
    void aMigrationThatFailsIsReportedAsFailedWithFlywaysReason(LambdaHarness lambda, PaymentsDatabase database)
            throws Exception {
        // given a migrated schema whose history no longer matches the migration files (an edited V1)
        lambda.createCustomResource("PaymentsSchemaMigration");
        String history = PaymentsDatabase.SCHEMA + ".flyway_schema_history";
        Integer checksum = database.jdbc()
                .sql("SELECT checksum FROM " + history + " WHERE version = '1'")
                .query(Integer.class)
                .single();
        database.jdbc()
                .sql("UPDATE " + history + " SET checksum = ? WHERE version = '1'")
                .param(checksum + 1)
                .update();
        try (ResponseEndpoint cloudFormation = ResponseEndpoint.start()) {
            ObjectNode request = Fixtures.event("migrate-payments-schema.json");
            request.put("RequestType", "Update");
            request.put("PhysicalResourceId", "payments-schema-migration");
            ResponseEndpoint.Expected expected = respondingTo(request, cloudFormation);

            // when the next deploy migrates
            lambda.invoke(FUNCTION, request.toString());

            // then CloudFormation hears FAILED, with Flyway's reason, so the deploy rolls back instead of waiting
            JsonNode response = expected.response().get(RESPONSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.get("Status").asString()).isEqualTo("FAILED");
            assertThat(response.get("Reason").asString())
                    .startsWith("FlywayValidateException")
                    .contains("checksum mismatch");
            assertThat(response.get("PhysicalResourceId").asString()).isEqualTo("payments-schema-migration");
        } finally {
            database.jdbc()
                    .sql("UPDATE " + history + " SET checksum = ? WHERE version = '1'")
                    .param(checksum)
                    .update();
        }
    }

    /** Points the request at a response URL of its own (and gives it a request id of its own). */
    private static ResponseEndpoint.Expected respondingTo(ObjectNode request, ResponseEndpoint cloudFormation) {
        String requestId = UUID.randomUUID().toString();
        ResponseEndpoint.Expected expected = cloudFormation.expect(requestId);
        request.put("RequestId", requestId);
        request.put("ResponseURL", expected.responseUrl().toString());
        return expected;
    }

    private static List<String> tables(PaymentsDatabase database) {
        return database.jdbc()
                .sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
                .param(PaymentsDatabase.SCHEMA)
                .query(String.class)
                .list();
    }
}
