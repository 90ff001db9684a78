package dev.serverlesspatterns.local.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.engines.Engines;
import dev.serverlesspatterns.local.engines.PostgresParameters;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(SharedEmulator.class)
class ProvisionerTest {

    private static AwsEmulator emulator;
    private static Stack stack;

    @BeforeAll
    static void provisionTheRepositoryTemplate(AwsEmulator shared) {
        emulator = shared;
        SamTemplate template = SamTemplate.ofRepository();
        // Provisioning never connects to the database; it only writes its parameters into the secret.
        Map<String, String> database =
                PostgresParameters.of(template).orElseThrow().filledFrom(Engines.unreachablePostgres(), Map.of());
        stack = Provisioner.provision(template, emulator.endpoint(), "provisioner-test", database);
    }

    @Test
    void everyTemplateResourceTypeIsProvisionedServedOrDeployOnly() {
        // given the repository template
        SamTemplate template = SamTemplate.ofRepository();

        // when the runtime checks what it can run
        var unsupported = Provisioner.unsupportedTypes(template);

        // then nothing is left out silently
        assertThat(unsupported).isEmpty();
    }

    @Test
    void refusesATemplateWithAResourceTypeItCannotRun(@TempDir Path directory) throws IOException {
        // given a template with a type the local runtime neither provisions, serves nor ignores
        Path file = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  Builds:
                    Type: AWS::CodeBuild::Project
                    Properties: {}
                """);

        // when it is provisioned
        // then the run stops before creating anything, naming the type
        assertThatThrownBy(() ->
                        Provisioner.provision(SamTemplate.load(file), emulator.endpoint(), "unsupported", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS::CodeBuild::Project");
    }

    @Test
    void createsTheOrdersTableWithItsIndexAndStream() {
        // given the provisioned stack
        try (DynamoDbClient dynamo = emulator.endpoint().configure(DynamoDbClient.builder())) {
            // when the orders table is described
            TableDescription table = dynamo.describeTable(request -> request.tableName(stack.ref("OrdersTable")))
                    .table();

            // then it has the key, index and stream the template declares
            assertThat(table.tableName()).isEqualTo("provisioner-test-OrdersTable");
            assertThat(table.keySchema())
                    .singleElement()
                    .satisfies(key -> assertThat(key.attributeName()).isEqualTo("orderId"));
            assertThat(table.globalSecondaryIndexes())
                    .singleElement()
                    .satisfies(index -> assertThat(index.indexName()).isEqualTo("byCustomer"));
            assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
            assertThat(stack.attribute("OrdersTable", "StreamArn")).isEqualTo(table.latestStreamArn());
        }
    }

    @Test
    void generatesSecretsFromTheirTemplateRules() {
        // given the provisioned stack
        try (SecretsManagerClient secrets = emulator.endpoint().configure(SecretsManagerClient.builder())) {
            // when the generated secrets are read back from the emulator
            String signingKey = secrets.getSecretValue(request -> request.secretId(stack.ref("JwtSigningSecret")))
                    .secretString();
            String adminClient = secrets.getSecretValue(request -> request.secretId(stack.ref("AdminClientSecret")))
                    .secretString();

            // then they follow the template's GenerateSecretString rules
            assertThat(signingKey).hasSize(64).matches("[A-Za-z0-9]+");
            var admin = JsonMapper.builder().build().readTree(adminClient);
            assertThat(admin.get("clientId").asString()).isEqualTo("admin");
            assertThat(admin.get("clientSecret").asString()).hasSize(40);
            assertThat(stack.secretValue("AdminClientSecret")).contains(adminClient);
        }
    }

    @Test
    void resolvesFunctionEnvironmentAgainstProvisionedNames() {
        // given the place-order function of the template
        var function = stack.template().function("PlaceOrderFunction");

        // when its environment is resolved against the stack
        Map<String, String> environment = function.environment(stack.intrinsics());

        // then references became the physical names and globals were merged in
        assertThat(environment)
                .containsEntry("ORDERS_TABLE", "provisioner-test-OrdersTable")
                .containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", "placeOrder")
                .containsKey("JAVA_TOOL_OPTIONS");
    }
}
