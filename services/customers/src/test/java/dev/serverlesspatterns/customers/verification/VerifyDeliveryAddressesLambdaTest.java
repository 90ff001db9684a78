package dev.serverlesspatterns.customers.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The stream function through SCF's FunctionInvoker, fed the DynamoDB stream event Lambda delivers. */
@ExtendWith(LocalAwsExtension.class)
class VerifyDeliveryAddressesLambdaTest {

    private static final String FUNCTION = "VerifyDeliveryAddressesFunction";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void verifiesEachNewAddressOnceAndSkipsARemovedOne(LambdaHarness lambda, ProvisionedStack stack) {
        // given a batch: a Dutch address, a German one with a Dutch postcode, a removal
        String run = UUID.randomUUID().toString();
        String batch = fixture(run).toString();

        // when the batch is delivered twice, as Lambda may after a timeout
        String first = lambda.invoke(FUNCTION, batch);
        String again = lambda.invoke(FUNCTION, batch);

        // then each address version has one verification with its verdict
        assertThat(JSON.readTree(first).path("batchItemFailures")).isEmpty();
        assertThat(JSON.readTree(again).path("batchItemFailures")).isEmpty();
        assertThat(verifications(stack, run + "-nl")).singleElement().satisfies(item -> {
            assertThat(item.get("verdict").s()).isEqualTo("VERIFIED");
            assertThat(item.get("customerId").s()).isEqualTo("alice");
            assertThat(item.get("sequenceNumber").s()).isEqualTo("200000000000000000000001");
        });
        assertThat(verifications(stack, run + "-de"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("verdict").s()).isEqualTo("POSTCODE_MISMATCH"));
    }

    @Test
    void failsOnAnAddressNoRetryCanReadAndVerifiesNothingOfItsBatch(LambdaHarness lambda, ProvisionedStack stack) {
        // given the second address names no ISO 3166 country
        String run = UUID.randomUUID().toString();
        ObjectNode event = fixture(run);
        ArrayNode records = (ArrayNode) event.get("Records");
        ((ObjectNode) records.get(1).path("dynamodb").path("NewImage").path("country")).put("S", "XX");

        // when / then: the invocation fails, so Lambda bisects the batch down to that record
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, event.toString()))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("Stream record 200000000000000000000002 names the country XX");
        assertThat(verifications(stack, run + "-nl")).isEmpty();
    }

    private static List<Map<String, AttributeValue>> verifications(ProvisionedStack stack, String addressId) {
        try (DynamoDbClient dynamo = stack.client(DynamoDbClient.builder())) {
            return dynamo.query(query -> query.tableName(stack.physicalName("AddressVerificationsTable"))
                            .keyConditionExpression("addressId = :id")
                            .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(addressId))))
                    .items();
        }
    }

    /** The stream batch of the test's own addresses. */
    private static ObjectNode fixture(String run) {
        return Fixtures.event("verify-delivery-addresses.json", Map.of("RUN", run));
    }
}
