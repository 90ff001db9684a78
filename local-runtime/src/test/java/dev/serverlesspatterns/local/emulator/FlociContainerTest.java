package dev.serverlesspatterns.local.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.engines.Engines;
import dev.serverlesspatterns.local.engines.PostgresParameters;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Docker path of the decision order: Floci in a container carries the template. Skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class FlociContainerTest {

    @Test
    void provisionsTheTemplateInFloci() {
        // given Floci started the way the decision order starts it
        try (AwsEmulator floci = ContainerEmulator.floci(AwsEmulators.DEFAULT_REGION)) {
            // when the repository template is provisioned into it
            SamTemplate template = SamTemplate.ofRepository();
            Map<String, String> database =
                    PostgresParameters.of(template).orElseThrow().filledFrom(Engines.unreachablePostgres(), Map.of());
            Stack stack = Provisioner.provision(template, floci.endpoint(), "floci-test", database);

            // then its tables exist there
            try (DynamoDbClient dynamo = floci.endpoint().configure(DynamoDbClient.builder())) {
                assertThat(dynamo.listTables().tableNames())
                        .contains(stack.ref("OrdersTable"), stack.ref("UsersTable"));
            }
        }
    }
}
