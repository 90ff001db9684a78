package dev.serverlesspatterns.clickstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The aggregate through SCF's FunctionInvoker, fed the Kinesis event Lambda delivers. */
@ExtendWith(LocalAwsExtension.class)
class AggregateClicksLambdaTest {

    private static final String FUNCTION = "AggregateClicksFunction";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void countsEachClickOncePerProductAlsoWhenLambdaHandsTheBatchOverAgain(
            LambdaHarness lambda, ProvisionedStack stack) {
        // given a batch of three clicks on two products of the test's own
        String run = UUID.randomUUID().toString();
        ObjectNode event = fixture(run);

        // when Lambda hands the batch over, then again (a retry after a timeout)
        String first = lambda.invoke(FUNCTION, event.toString());
        String second = lambda.invoke(FUNCTION, event.toString());

        // then each click is counted once
        assertThat(JSON.readTree(first).path("batchItemFailures")).isEmpty();
        assertThat(JSON.readTree(second).path("batchItemFailures")).isEmpty();
        assertThat(clicks(stack, "p-1-" + run)).isEqualTo(2);
        assertThat(clicks(stack, "p-2-" + run)).isEqualTo(1);
    }

    @Test
    void failsOnARecordThatIsNotAClickAndCountsNothingOfItsBatch(LambdaHarness lambda, ProvisionedStack stack) {
        // given the batch's last record has no product
        String run = UUID.randomUUID().toString();
        ObjectNode event = fixture(run);
        ObjectNode last = (ObjectNode) event.path("Records").get(2).path("kinesis");
        last.put("data", base64("{\"clickId\":\"c-3-" + run + "\"}"));

        // when / then: the invocation fails, so Lambda bisects the batch down to that record
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, event.toString()))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("Stream record 49658012345678901234567890123456789012345678900000000003"
                        + " has no clickId or productId");
        assertThat(clicks(stack, "p-1-" + run)).isZero();
    }

    /** The captured batch, its click and product ids made the test's own. */
    private static ObjectNode fixture(String run) {
        ObjectNode event = Fixtures.event("aggregate-clicks.json");
        for (JsonNode record : event.path("Records")) {
            ObjectNode kinesis = (ObjectNode) record.path("kinesis");
            ObjectNode click = (ObjectNode) JSON.readTree(
                    new String(Base64.getDecoder().decode(kinesis.path("data").asString()), StandardCharsets.UTF_8));
            click.put("clickId", click.path("clickId").asString() + "-" + run);
            click.put("productId", click.path("productId").asString() + "-" + run);
            kinesis.put("data", base64(click.toString()));
        }
        return event;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long clicks(ProvisionedStack stack, String productId) {
        try (DynamoDbClient dynamo = stack.client(DynamoDbClient.builder())) {
            Map<String, AttributeValue> item = dynamo.getItem(
                            request -> request.tableName(stack.physicalName("ProductClicksTable"))
                                    .key(Map.of("productId", AttributeValue.fromS(productId))))
                    .item();
            return item.containsKey("clicks")
                    ? Long.parseLong(item.get("clicks").n())
                    : 0;
        }
    }
}
