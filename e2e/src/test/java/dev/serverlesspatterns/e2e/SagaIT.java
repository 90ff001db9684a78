package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.TopicTap;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import tools.jackson.databind.JsonNode;

/**
 * State Machine and Saga: {@code POST /checkouts} through the shop API with a real token starts the checkout state
 * machine in the emulator, whose Lambda tasks run the checkout service's functions behind the local runtime. Each
 * failure point is picked by real input (a sku without stock, a card token the gateway declines, a country no carrier
 * serves); the tables show what the compensations left behind.
 */
@ExtendWith(LocalSuiteExtension.class)
class SagaIT {

    private static final String PAYMENT_GATEWAY_UNAVAILABLE =
            "dev.serverlesspatterns.checkout.payment.PaymentGatewayUnavailableException";

    private LocalSuite suite;
    private ProvisionedStack stack;
    private ShopApi api;
    private DynamoDbClient dynamo;
    private SfnClient sfn;
    private String token;
    private String sku;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.stack = new ProvisionedStack(suite.stack());
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.sfn = stack.client(SfnClient.builder());
        Identities identities = new Identities(api, suite);
        this.token = identities.token(identities.newUser("checkout:write", "checkout:read"));
        this.sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        stock(sku, 10, 1250);
    }

    @AfterEach
    void disconnect() {
        api.close();
        dynamo.close();
        sfn.close();
    }

    @Test
    void happyPathConfirmsEverything() {
        // when a customer checks out three of the sku with a card that works
        String checkoutId = checkOut(newKey(), 3, "tok_visa", "NL");

        // then the execution succeeded, and stock, payment and order are all confirmed for 37.50
        assertThat(outcome(checkoutId).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(available(sku)).isEqualTo(7);
        assertThat(item("ReservationsTable", checkoutId).get("status").s()).isEqualTo("CONFIRMED");
        assertThat(item("PaymentsTable", checkoutId).get("status").s()).isEqualTo("CHARGED");
        Map<String, AttributeValue> order = item("CheckoutOrdersTable", checkoutId);
        assertThat(order.get("status").s()).isEqualTo("CONFIRMED");
        assertThat(order.get("amountCents").n()).isEqualTo("3750");
    }

    @Test
    void failureAtReserveFailsWithNothingHeld() {
        // when a line asks for more than the sku has
        String checkoutId = checkOut(newKey(), 11, "tok_visa", "NL");

        // then the execution failed with the step's error, no stock is taken and no payment was made
        JsonNode outcome = outcome(checkoutId);
        assertThat(outcome.path("status").asString()).isEqualTo("FAILED");
        assertThat(outcome.path("error").asString())
                .isEqualTo("dev.serverlesspatterns.checkout.stock.OutOfStockException");
        assertThat(outcome.path("message").asString()).contains("has fewer than 11 in stock");
        assertThat(available(sku)).isEqualTo(10);
        assertThat(item("ReservationsTable", checkoutId).get("status").s()).isEqualTo("RELEASED");
        assertThat(item("PaymentsTable", checkoutId)).isEmpty();
        assertThat(item("CheckoutOrdersTable", checkoutId)).isEmpty();
    }

    @Test
    void failureAtChargeReleasesTheStock() {
        // when the gateway declines the card
        String checkoutId = checkOut(newKey(), 2, "tok_chargeDeclined", "NL");

        // then the execution failed with the decline, and the reserved stock is back
        JsonNode outcome = outcome(checkoutId);
        assertThat(outcome.path("status").asString()).isEqualTo("FAILED");
        assertThat(outcome.path("error").asString())
                .isEqualTo("dev.serverlesspatterns.checkout.payment.PaymentDeclinedException");
        assertThat(available(sku)).isEqualTo(10);
        assertThat(item("ReservationsTable", checkoutId).get("status").s()).isEqualTo("RELEASED");
        assertThat(item("PaymentsTable", checkoutId).get("status").s()).isEqualTo("DECLINED");
        assertThat(item("CheckoutOrdersTable", checkoutId)).isEmpty();
    }

    @Test
    void failureAtConfirmRefundsThenReleases() {
        // when no carrier delivers to the checkout's country, which only the last step finds out
        String checkoutId = checkOut(newKey(), 2, "tok_visa", "AQ");

        // then the execution failed with the confirmation's error, the charge is refunded and the stock is back
        JsonNode outcome = outcome(checkoutId);
        assertThat(outcome.path("status").asString()).isEqualTo("FAILED");
        assertThat(outcome.path("error").asString())
                .isEqualTo("dev.serverlesspatterns.checkout.order.DeliveryNotPossibleException");
        assertThat(available(sku)).isEqualTo(10);
        assertThat(item("ReservationsTable", checkoutId).get("status").s()).isEqualTo("RELEASED");
        assertThat(item("PaymentsTable", checkoutId).get("status").s()).isEqualTo("REFUNDED");
        assertThat(item("CheckoutOrdersTable", checkoutId)).isEmpty();
        // in reverse order: the refund before the release
        List<String> compensations = history(checkoutId).stream()
                .filter(event -> event.type() == HistoryEventType.TASK_STATE_ENTERED)
                .map(event -> event.stateEnteredEventDetails().name())
                .filter(name -> name.equals("RefundPayment") || name.equals("ReleaseStock"))
                .toList();
        assertThat(compensations).containsExactly("RefundPayment", "ReleaseStock");
    }

    @Test
    void aGatewayUnavailableTwiceSucceedsOnTheThirdAttempt() {
        // when the card gateway fails to answer the first two charges
        String checkoutId = checkOut(newKey(), 1, "tok_unavailableTwice", "DE");

        // then the state machine retried the charge: three attempts in the history, two of them failed transiently
        assertThat(outcome(checkoutId).path("status").asString()).isEqualTo("SUCCEEDED");
        List<HistoryEvent> history = history(checkoutId);
        assertThat(history.stream().filter(event -> event.type() == HistoryEventType.TASK_FAILED))
                .hasSize(2)
                .allSatisfy(failed ->
                        assertThat(failed.taskFailedEventDetails().error()).isEqualTo(PAYMENT_GATEWAY_UNAVAILABLE));
        assertThat(history.stream()
                        .filter(event -> event.type() == HistoryEventType.TASK_SCHEDULED)
                        .filter(event ->
                                event.taskScheduledEventDetails().parameters().contains("ChargePayment")))
                .hasSize(3);
        assertThat(item("PaymentsTable", checkoutId).get("gatewayCalls").n()).isEqualTo("3");
        assertThat(item("PaymentsTable", checkoutId).get("status").s()).isEqualTo("CHARGED");
    }

    @Test
    void aRetriedRequestStartsOneExecution() {
        // given a checkout request
        String key = newKey();
        String body = body(2, "tok_visa", "FR");

        // when the client sends it twice with the same key
        ShopApi.Response first = post(key, body);
        ShopApi.Response second = post(key, body);

        // then both name the same checkout, which ran once: one execution, one reservation's worth of stock
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        String checkoutId = first.json().path("checkoutId").asString();
        assertThat(second.json().path("checkoutId").asString()).isEqualTo(checkoutId);
        assertThat(outcome(checkoutId).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(executionsNamed(checkoutId)).hasSize(1);
        assertThat(available(sku)).isEqualTo(8);

        // and the same key sent again after the checkout finished is a replay too, while another body is refused
        ShopApi.Response replayed = post(key, body);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(202);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        ShopApi.Response reused = post(key, body(1, "tok_visa", "FR"));
        assertThat(reused.status()).as(reused.body()).isEqualTo(422);
        assertThat(reused.json().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(executionsNamed(checkoutId)).hasSize(1);
    }

    @Test
    void aCompensationThatStillFailsAlertsTheAlarmTopic() {
        try (TopicTap alarms = new TopicTap(stack, "AlarmTopic")) {
            // when the confirmation fails and the gateway refuses the refund
            String checkoutId = checkOut(newKey(), 1, "tok_refundRefused", "AQ");

            // then the execution failed as CompensationFailed, and on-call got an alert naming the checkout
            JsonNode outcome = outcome(checkoutId);
            assertThat(outcome.path("status").asString()).isEqualTo("FAILED");
            assertThat(outcome.path("error").asString()).isEqualTo("Checkout.CompensationFailed");
            assertThat(outcome.path("message").asString()).contains("refused to refund");
            assertThat(alarms.published(checkoutId, 1, Duration.ofSeconds(10)))
                    .singleElement()
                    .satisfies(alert -> assertThat(alert.body()).contains("needs a person"));
            assertThat(item("PaymentsTable", checkoutId).get("status").s()).isEqualTo("CHARGED");
        }
    }

    @Test
    void badInputIsRefusedAndStartsNothing() {
        // when the body breaks the schema (no card token)
        String key = newKey();
        ShopApi.Response refused =
                post(key, "{\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"deliveryCountry\":\"NL\"}");

        // then it is a 400 with a machine-readable code, and no checkout was started
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(available(sku)).isEqualTo(10);
        ShopApi.Response withoutKey = api.request("POST", "/checkouts")
                .bearer(token)
                .json(body(1, "tok_visa", "NL"))
                .send();
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(withoutKey.json().path("code").asString()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }

    private String checkOut(String key, int quantity, String cardToken, String country) {
        ShopApi.Response started = post(key, body(quantity, cardToken, country));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().path("checkoutId").asString();
    }

    private ShopApi.Response post(String key, String body) {
        return api.request("POST", "/checkouts")
                .bearer(token)
                .header("Idempotency-Key", key)
                .json(body)
                .send();
    }

    private String body(int quantity, String cardToken, String country) {
        return """
                {"items":[{"sku":"%s","quantity":%d}],"cardToken":"%s","deliveryCountry":"%s"}""".formatted(sku, quantity, cardToken, country);
    }

    /** {@code GET /checkouts/{id}} once the execution has closed. */
    private JsonNode outcome(String checkoutId) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> {
                            ShopApi.Response status = api.request("GET", "/checkouts/" + checkoutId)
                                    .bearer(token)
                                    .send();
                            assertThat(status.status()).as(status.body()).isEqualTo(200);
                            return status.json();
                        },
                        status -> !status.path("status").asString().equals("RUNNING"));
    }

    private List<HistoryEvent> history(String checkoutId) {
        String executionArn = executionsNamed(checkoutId).getFirst().executionArn();
        return sfn.getExecutionHistory(history -> history.executionArn(executionArn))
                .events();
    }

    private List<ExecutionListItem> executionsNamed(String checkoutId) {
        return sfn
                .listExecutions(list -> list.stateMachineArn(suite.stack().ref("CheckoutStateMachine")))
                .executions()
                .stream()
                .filter(execution -> execution.name().equals(checkoutId))
                .toList();
    }

    private void stock(String sku, int available, int priceCents) {
        dynamo.putItem(put -> put.tableName(stack.physicalName("StockTable"))
                .item(Map.of(
                        "sku", AttributeValue.fromS(sku),
                        "available", AttributeValue.fromN(Integer.toString(available)),
                        "priceCents", AttributeValue.fromN(Integer.toString(priceCents)))));
    }

    private int available(String sku) {
        return Integer.parseInt(item("StockTable", "sku", sku).get("available").n());
    }

    private Map<String, AttributeValue> item(String table, String checkoutId) {
        return item(table, "checkoutId", checkoutId);
    }

    private Map<String, AttributeValue> item(String table, String keyName, String key) {
        return dynamo.getItem(get -> get.tableName(stack.physicalName(table))
                        .key(Map.of(keyName, AttributeValue.fromS(key)))
                        .consistentRead(true))
                .item();
    }

    private static String newKey() {
        return "checkout-" + UUID.randomUUID();
    }
}
