package dev.serverlesspatterns.orders.order;

import static dev.serverlesspatterns.orders.order.Customers.newCustomer;
import static dev.serverlesspatterns.orders.order.LambdaFunctions.PLACE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

@ExtendWith({LocalAwsExtension.class, ConfirmationHandoffsExtension.class})
class PlaceOrderLambdaTest {

    private static final com.networknt.schema.Schema SCHEMA = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("classpath:" + Schema.ORDER_CONFIRMATION_REQUESTED.classpathLocation()));

    private OrdersTableProbe table;

    @BeforeEach
    void openTable(ProvisionedStack stack) {
        table = new OrdersTableProbe(stack);
    }

    @AfterEach
    void closeTable() {
        table.close();
    }

    @Test
    void placesAnOrderAndAnswers201WithTheOrderAndItsLocation(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        ApiEvent request =
                ApiEvent.fixture("place-order.json").principal(customer).withoutHeader("Idempotency-Key");

        // when
        ProxyResponse response = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode order = response.json();
        String orderId = order.path("orderId").asString();
        assertThat(OrderIds.isWellFormed(orderId)).isTrue();
        // only the function's own headers: none of SCF's message headers (id, timestamp, contentType) leak
        assertThat(response.headers())
                .containsOnlyKeys("Content-Type", "Location")
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Location", "/orders/" + orderId);
        assertThat(order.path("customerId").asString()).isEqualTo(customer);
        assertThat(order.path("status").asString()).isEqualTo("OPEN");
        assertThat(order.path("currency").asString()).isEqualTo("EUR");
        assertThat(order.path("items")).hasSize(2);
        assertThat(order.path("items").path(0).path("sku").asString()).isEqualTo("MUG-BLUE-01");
        assertThat(order.path("items").path(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(order.path("items").path(0).path("unitPriceCents").asLong()).isEqualTo(1250);
        assertThat(order.path("totalCents").asLong()).isEqualTo(2 * 1250 + 899);
        assertThat(order.path("version").asLong()).isEqualTo(1);
        assertThat(order.path("createdAt").asString())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z")
                .isEqualTo(order.path("updatedAt").asString());
        assertThat(order.has("requestFingerprint"))
                .as("internal attribute stays out of the API")
                .isFalse();
    }

    @Test
    void storesTheOrderWithTheAttributesTheStreamConsumersRelyOn(LambdaHarness lambda) {
        // given
        String customer = newCustomer();

        // when
        String orderId = Customers.placeOrderFor(lambda, customer);

        // then
        Map<String, AttributeValue> item = table.item(orderId);
        assertThat(item)
                .containsOnlyKeys(
                        "orderId",
                        "customerId",
                        "status",
                        "currency",
                        "items",
                        "totalCents",
                        "createdAt",
                        "updatedAt",
                        "version",
                        "requestFingerprint");
        assertThat(item.get("customerId").s()).isEqualTo(customer);
        assertThat(item.get("status").s()).isEqualTo("OPEN");
        assertThat(item.get("totalCents").n()).isEqualTo("3399");
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(item.get("requestFingerprint").s()).matches("[0-9a-f]{64}");
        assertThat(item.get("items").l())
                .first()
                .satisfies(line -> assertThat(line.m())
                        .containsEntry("sku", AttributeValue.fromS("MUG-BLUE-01"))
                        .containsEntry("quantity", AttributeValue.fromN("2"))
                        .containsEntry("unitPriceCents", AttributeValue.fromN("1250")));
    }

    @Test
    void handsOffTheConfirmationOfANewOrderAsAnAsynchronousInvoke(
            LambdaHarness lambda, ConfirmationHandoffs handoffs, ProvisionedStack stack) {
        // given
        String customer = newCustomer();
        ApiEvent request =
                ApiEvent.fixture("place-order.json").principal(customer).withoutHeader("Idempotency-Key");

        // when
        ProxyResponse response = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode order = response.json();
        String orderId = order.path("orderId").asString();
        assertThat(handoffs.of(orderId)).singleElement().satisfies(invoke -> {
            assertThat(invoke.invocationType())
                    .as("Lambda queues it and answers at once")
                    .isEqualTo("Event");
            assertThat(invoke.functionName())
                    .as("the alias that carries the EventInvokeConfig")
                    .endsWith(":function:" + stack.physicalName("SendOrderConfirmationFunction") + ":live");
            assertThat(SCHEMA.validate(invoke.payload()))
                    .as("the shared contract of OrderConfirmationRequested")
                    .isEmpty();
            assertThat(invoke.customerId()).isEqualTo(customer);
            assertThat(invoke.payload().path("totalCents").asLong()).isEqualTo(3399);
            assertThat(invoke.payload().path("currency").asString()).isEqualTo("EUR");
            assertThat(Instant.parse(invoke.payload().path("placedAt").asString()))
                    .isEqualTo(Instant.parse(order.path("createdAt").asString()));
        });
    }

    @Test
    void aReplayedPostDoesNotHandOffAgain(LambdaHarness lambda, ConfirmationHandoffs handoffs) {
        // given
        String customer = newCustomer();
        ApiEvent request = ApiEvent.fixture("place-order.json")
                .principal(customer)
                .header("Idempotency-Key", "replay-" + UUID.randomUUID());
        String orderId =
                request.sendTo(lambda, PLACE_ORDER).json().path("orderId").asString();

        // when
        ProxyResponse replay = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(replay.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(handoffs.of(orderId)).hasSize(1);
    }

    @Test
    void aFailedHandoffLeavesTheOrderPlacedOnceAndStillAnswers201(LambdaHarness lambda, ConfirmationHandoffs handoffs) {
        // given
        String customer = newCustomer();
        handoffs.failFor(customer);
        ApiEvent request = ApiEvent.fixture("place-order.json")
                .principal(customer)
                .header("Idempotency-Key", "failing-handoff-" + UUID.randomUUID());

        // when
        ProxyResponse placed = request.sendTo(lambda, PLACE_ORDER);
        ProxyResponse retried = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(placed.statusCode()).isEqualTo(201);
        String orderId = placed.json().path("orderId").asString();
        assertThat(handoffs.of(orderId)).as("the handoff was tried").isNotEmpty();
        assertThat(table.item(orderId).get("status").s()).isEqualTo("OPEN");
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(table.countOrdersOf(customer)).isEqualTo(1);
    }

    @Test
    void aStalledHandoffHoldsTheOrderUpOnlyUntilItsTimeout(LambdaHarness lambda, ConfirmationHandoffs handoffs) {
        // given
        String customer = newCustomer();
        handoffs.stallFor(customer);
        ApiEvent request =
                ApiEvent.fixture("place-order.json").principal(customer).withoutHeader("Idempotency-Key");
        long started = System.nanoTime();

        // when
        ProxyResponse placed = request.sendTo(lambda, PLACE_ORDER);

        // then
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(placed.statusCode()).isEqualTo(201);
        assertThat(took).as("orders.order-confirmation.timeout is 2 s").isLessThan(Duration.ofSeconds(6));
        assertThat(table.countOrdersOf(customer)).isEqualTo(1);
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("missing-items.json", "", "items"),
                Arguments.of("negative-quantity.json", "/items/0/quantity", "minimum"),
                Arguments.of("unknown-field.json", "", "discountCents"),
                Arguments.of("unsupported-currency.json", "/currency", "enum"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void refusesAnInvalidBodyWithFieldErrorsAndWritesNothing(
            String body, String pointer, String mentioned, LambdaHarness lambda, ConfirmationHandoffs handoffs) {
        // given
        String customer = newCustomer();
        ApiEvent request =
                ApiEvent.fixture("place-order.json").principal(customer).bodyFrom(body);

        // when
        ProxyResponse response = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.problemCode()).isEqualTo("VALIDATION_FAILED");
        JsonNode errors = response.json().path("errors");
        assertThat(errors)
                .as("one entry names the offending field and says what is wrong with it")
                .anySatisfy(error -> {
                    assertThat(error.path("pointer").asString()).isEqualTo(pointer);
                    assertThat(error.path("message").asString()).contains(mentioned);
                });
        assertThat(table.countOrdersOf(customer)).isZero();
        assertThat(handoffs.ofCustomer(customer)).as("nothing handed off").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "array-root.json",
                "array-of-events.json",
                "string-root.json",
                "number-root.json",
                "null-root.json",
                "boolean-root.json"
            })
    void refusesABodyThatIsNoObjectWith400AndWritesNothing(String body, LambdaHarness lambda) {
        // given a body whose root is no JSON object; an array of API Gateway events among them, whose authorizer
        // context names another customer
        String customer = newCustomer();
        ApiEvent request =
                ApiEvent.fixture("place-order.json").principal(customer).bodyFrom(body);

        // when
        ProxyResponse response = request.sendTo(lambda, PLACE_ORDER);

        // then the function saw the one real event and refused its body
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors").path(0).path("pointer").asString())
                .isEmpty();
        assertThat(table.countOrdersOf(customer)).isZero();
        assertThat(table.countOrdersOf("victim-0001")).isZero();
    }

    @Test
    void refusesAKeyNamedTwiceAndWritesNothing(LambdaHarness lambda) {
        // given {"currency":"EUR","currency":"USD"}, where the last would win unseen
        String customer = newCustomer();
        ApiEvent request =
                ApiEvent.fixture("place-order.json").principal(customer).bodyFrom("duplicate-currency.json");

        // when
        ProxyResponse response = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("MALFORMED_JSON");
        assertThat(table.countOrdersOf(customer)).isZero();
    }

    @Test
    void refusesTwoLinesWithOneSkuAndWritesNothing(LambdaHarness lambda, ConfirmationHandoffs handoffs) {
        // given two lines of MUG-BLUE-01 at different prices
        String customer = newCustomer();
        ApiEvent request =
                ApiEvent.fixture("place-order.json").principal(customer).bodyFrom("duplicate-sku.json");

        // when
        ProxyResponse response = request.sendTo(lambda, PLACE_ORDER);

        // then the second line is named, and nothing is written or handed off
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("DUPLICATE_SKU");
        assertThat(response.json().path("errors").path(0).path("pointer").asString())
                .isEqualTo("/items/1/sku");
        assertThat(table.countOrdersOf(customer)).isZero();
        assertThat(handoffs.ofCustomer(customer)).isEmpty();
    }

    @Test
    void refusesMalformedJsonAndWritesNothing(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        ApiEvent request =
                ApiEvent.fixture("place-order.json").principal(customer).bodyFrom("truncated.json");

        // when
        ProxyResponse response = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("MALFORMED_JSON");
        assertThat(table.countOrdersOf(customer)).isZero();
    }

    @Test
    void refusesABodyThatIsNotJsonWith415AndWritesNothing(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        ApiEvent request = ApiEvent.fixture("place-order.json")
                .principal(customer)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("sku=MUG-BLUE-01&quantity=1");

        // when
        ProxyResponse response = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.problemCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(table.countOrdersOf(customer)).isZero();
    }

    @Test
    void refusesACallerWithoutTheWriteScopeAndWritesNothing(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        ApiEvent request =
                ApiEvent.fixture("place-order.json").principal(customer).scopes("orders:read");

        // when
        ProxyResponse response = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(table.countOrdersOf(customer)).isZero();
    }

    @Test
    void refusesAMalformedIdempotencyKeyAndWritesNothing(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        ApiEvent request = ApiEvent.fixture("place-order.json")
                .principal(customer)
                .header("Idempotency-Key", "not a key; has spaces");

        // when
        ProxyResponse response = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(table.countOrdersOf(customer)).isZero();
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyPlacesOneOrderAndReplaysIt(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String key = "retry-" + UUID.randomUUID();
        ApiEvent request =
                ApiEvent.fixture("place-order.json").principal(customer).header("Idempotency-Key", key);
        ProxyResponse first = request.sendTo(lambda, PLACE_ORDER);

        // when
        ProxyResponse retry = request.sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers()).doesNotContainKey("Idempotent-Replayed");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers())
                .containsOnlyKeys("Content-Type", "Location", "Idempotent-Replayed")
                .containsEntry("Idempotent-Replayed", "true")
                .containsEntry("Location", first.headers().get("Location"));
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(table.countOrdersOf(customer)).isEqualTo(1);
    }

    @Test
    void aRetryWhoseBodyIsOnlyFormattedDifferentlyIsTheSameRequest(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String key = "reformatted-" + UUID.randomUUID();
        ProxyResponse first = ApiEvent.fixture("place-order.json")
                .principal(customer)
                .header("Idempotency-Key", key)
                .sendTo(lambda, PLACE_ORDER);

        // when
        ProxyResponse retry = ApiEvent.fixture("place-order.json")
                .principal(customer)
                .header("Idempotency-Key", key)
                .bodyFrom("place-order-reformatted.json")
                .sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(table.countOrdersOf(customer)).isEqualTo(1);
    }

    @Test
    void reusingAnIdempotencyKeyForADifferentBodyIsRefusedWith422(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String key = "reuse-" + UUID.randomUUID();
        ProxyResponse first = ApiEvent.fixture("place-order.json")
                .principal(customer)
                .header("Idempotency-Key", key)
                .sendTo(lambda, PLACE_ORDER);

        // when
        ProxyResponse reused = ApiEvent.fixture("place-order.json")
                .principal(customer)
                .header("Idempotency-Key", key)
                .bodyFrom("three-mugs.json")
                .sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.problemCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(table.countOrdersOf(customer)).isEqualTo(1);
        String orderId = first.json().path("orderId").asString();
        assertThat(table.item(orderId).get("totalCents").n()).isEqualTo("3399");
    }

    @Test
    void twoCustomersUsingTheSameIdempotencyKeyGetTwoOrders(LambdaHarness lambda) {
        // given
        String alice = newCustomer();
        String bob = newCustomer();
        String key = "shared-" + UUID.randomUUID();

        // when
        ProxyResponse forAlice = ApiEvent.fixture("place-order.json")
                .principal(alice)
                .header("Idempotency-Key", key)
                .sendTo(lambda, PLACE_ORDER);
        ProxyResponse forBob = ApiEvent.fixture("place-order.json")
                .principal(bob)
                .header("Idempotency-Key", key)
                .sendTo(lambda, PLACE_ORDER);

        // then
        assertThat(forAlice.statusCode()).isEqualTo(201);
        assertThat(forBob.statusCode()).isEqualTo(201);
        assertThat(forBob.headers()).doesNotContainKey("Idempotent-Replayed");
        assertThat(forBob.json().path("orderId").asString())
                .isNotEqualTo(forAlice.json().path("orderId").asString());
        assertThat(table.countOrdersOf(alice)).isEqualTo(1);
        assertThat(table.countOrdersOf(bob)).isEqualTo(1);
    }
}
