package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Internal Handoff: placing an order hands its confirmation to the notifications service with an asynchronous
 * invoke. The target is idempotent, is tried 1 + MaximumRetryAttempts (2) times, and a request that still fails
 * reaches the OrderConfirmationFailuresQueue once, as Lambda's invocation record with the original payload.
 *
 * <p>Run counts are global to the suite, and other tests' handoffs may still be running when a test starts, so each
 * count is read once it has settled (unchanged for longer than the longest retry delay of this run, 0.4 s).
 */
@ExtendWith(LocalSuiteExtension.class)
class InternalHandoffIT {

    private static final String FUNCTION = "SendOrderConfirmationFunction";
    private static final String ORDER =
            "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":2,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}";
    private static final Duration SETTLED = Duration.ofMillis(800);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalSuite suite;
    private ShopApi api;
    private LambdaClient lambda;
    private DynamoDbClient dynamo;
    private SqsClient sqs;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.lambda = SuiteLambda.client(suite);
        this.dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder());
        this.sqs = suite.stack().endpoint().configure(SqsClient.builder());
    }

    @AfterEach
    void disconnect() {
        lambda.close();
        dynamo.close();
        sqs.close();
    }

    @Test
    void placingAnOrderAnswers201AndConfirmsItOnceAReplayHandsNothingOff() {
        // given a customer with a token, and no handoff of another test still running
        Identities identities = new Identities(api, suite);
        Identities.Client customer = identities.newUser("orders:read", "orders:write");
        String token = identities.token(customer);
        String key = "handoff-" + UUID.randomUUID();
        int runsBefore = SettledRuns.of(suite, FUNCTION, SETTLED);

        // when the customer places an order
        ShopApi.Response placed = api.request("POST", "/orders")
                .bearer(token)
                .header("Idempotency-Key", key)
                .json(ORDER)
                .send();

        // then the order is placed, and its confirmation is sent once, after the answer, by email to the customer
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        Map<String, AttributeValue> confirmation = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> confirmationOf(orderId), item -> !item.isEmpty());
        assertThat(confirmation.get("status").s()).isEqualTo("SENT");
        assertThat(confirmation.get("channel").s()).isEqualTo("EMAIL");
        assertThat(confirmation.get("recipient").s()).isEqualTo(customer.id());
        assertThat(confirmation.get("totalCents").n()).isEqualTo("2500");
        assertThat(SettledRuns.of(suite, FUNCTION, SETTLED))
                .as("the notifications function ran once")
                .isEqualTo(runsBefore + 1);

        // when the client replays the POST with the same key
        ShopApi.Response replayed = api.request("POST", "/orders")
                .bearer(token)
                .header("Idempotency-Key", key)
                .json(ORDER)
                .send();

        // then it gets the same order, and nothing is handed off again
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("orderId").asString()).isEqualTo(orderId);
        assertThat(SettledRuns.of(suite, FUNCTION, SETTLED)).as("no second run").isEqualTo(runsBefore + 1);
        assertThat(confirmationOf(orderId)).isEqualTo(confirmation);
    }

    @Test
    void aPoisonRequestIsTriedThreeTimesThenRecordedOnceOnTheFailureQueueWithItsPayload() {
        // given a confirmation request without an order id, which the function refuses every time
        String customerId = "customer-" + UUID.randomUUID();
        String poison = """
                {"customerId":"%s","totalCents":1250,"currency":"EUR","placedAt":"2026-11-03T10:15:30.412Z"}
                """.formatted(customerId);
        int runsBefore = SettledRuns.of(suite, FUNCTION, SETTLED);

        // when it is handed off asynchronously, to the alias the orders service invokes
        InvokeResponse accepted = invokeAsynchronously(poison);

        // then Lambda accepts it at once, tries it 1 + 2 times and then records it once on the failure queue
        assertThat(accepted.statusCode()).isEqualTo(202);
        List<JsonNode> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    records.addAll(failureRecordsAbout(customerId));
                    return !records.isEmpty();
                });
        assertThat(SettledRuns.of(suite, FUNCTION, SETTLED)).as("attempts").isEqualTo(runsBefore + 3);
        records.addAll(failureRecordsAbout(customerId));
        assertThat(records).hasSize(1);
        JsonNode record = records.getFirst();
        assertThat(record.get("requestPayload")).isEqualTo(JSON.readTree(poison));
        assertThat(record.get("requestContext").get("condition").asString()).isEqualTo("RetriesExhausted");
        assertThat(record.get("requestContext").get("approximateInvokeCount").asInt())
                .isEqualTo(3);
        assertThat(record.get("requestContext").get("functionArn").asString())
                .contains(":function:" + suite.stack().ref(FUNCTION));
        assertThat(record.get("responseContext").get("functionError").asString())
                .isEqualTo("Unhandled");
        assertThat(record.get("responsePayload").get("errorMessage").asString())
                .contains("required property 'orderId' not found");
    }

    @Test
    void theSameConfirmationRequestDeliveredTwiceConfirmsTheOrderOnce() {
        // given a confirmation request that was delivered and confirmed once
        String orderId = UUID.randomUUID().toString();
        String customerId = "customer-" + UUID.randomUUID();
        String request = """
                {"orderId":"%s","customerId":"%s","totalCents":3399,"currency":"EUR",
                 "placedAt":"2026-11-03T10:15:30.412Z"}
                """.formatted(orderId, customerId);
        int runsBefore = SettledRuns.of(suite, FUNCTION, SETTLED);
        assertThat(invokeAsynchronously(request).statusCode()).isEqualTo(202);
        Map<String, AttributeValue> first = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> confirmationOf(orderId), item -> !item.isEmpty());

        // when Lambda delivers it again, as an at-least-once delivery may
        assertThat(invokeAsynchronously(request).statusCode()).isEqualTo(202);

        // then the second run succeeded (a failed run would have been retried) and changed nothing
        assertThat(SettledRuns.of(suite, FUNCTION, SETTLED))
                .as("one run per delivery, no retries")
                .isEqualTo(runsBefore + 2);
        assertThat(confirmationOf(orderId)).isEqualTo(first);
        assertThat(failureRecordsAbout(customerId)).isEmpty();
    }

    private InvokeResponse invokeAsynchronously(String payload) {
        return lambda.invoke(invoke -> invoke.functionName(suite.stack().ref(FUNCTION))
                .qualifier("live")
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(payload)));
    }

    /** The notifications function's run count once it has stopped changing. */
    private Map<String, AttributeValue> confirmationOf(String orderId) {
        return dynamo.getItem(get -> get.tableName(suite.stack().ref("NotificationsTable"))
                        .key(Map.of(
                                "orderId", AttributeValue.fromS(orderId), "kind", AttributeValue.fromS("CONFIRMATION")))
                        .consistentRead(true))
                .item();
    }

    /** Takes the failure records of requests for this customer off the queue; others reappear after their timeout. */
    private List<JsonNode> failureRecordsAbout(String customerId) {
        String queueUrl = suite.stack().ref("OrderConfirmationFailuresQueue");
        List<JsonNode> records = new ArrayList<>();
        for (Message message : sqs.receiveMessage(receive ->
                        receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            JsonNode record = JSON.readTree(message.body());
            if (record.path("requestPayload").path("customerId").asString().equals(customerId)) {
                records.add(record);
                sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return records;
    }
}
