package dev.serverlesspatterns.orders.order;

import static dev.serverlesspatterns.orders.order.Customers.newCustomer;
import static dev.serverlesspatterns.orders.order.Customers.placeOrderFor;
import static dev.serverlesspatterns.orders.order.LambdaFunctions.CANCEL_ORDER;
import static dev.serverlesspatterns.orders.order.LambdaFunctions.CHANGE_QUANTITY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

/**
 * The placed fixture order has two lines: {@code MUG-BLUE-01} 2 × 1250 and {@code TEA-EARLGREY} 1 × 899, 3399 in
 * all. The tests change the mug line unless they say otherwise.
 */
@ExtendWith({LocalAwsExtension.class, ConfirmationHandoffsExtension.class})
class ChangeQuantityLambdaTest {

    private static final String MUG = "MUG-BLUE-01";
    private static final int MUGS = 2;
    private static final long MUG_PRICE = 1250;
    private static final long TOTAL = 3399;

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
    void addsUnitsToALineAndAnswersWithTheChangedOrder(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = change(lambda, customer, orderId, MUG, "{\"delta\":3}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        JsonNode order = response.json();
        assertThat(order.path("orderId").asString()).isEqualTo(orderId);
        assertThat(order.path("status").asString()).isEqualTo("OPEN");
        assertThat(order.path("items").path(0).path("sku").asString()).isEqualTo(MUG);
        assertThat(order.path("items").path(0).path("quantity").asInt()).isEqualTo(MUGS + 3);
        assertThat(order.path("items").path(1).path("quantity").asInt())
                .as("the other line is left alone")
                .isEqualTo(1);
        assertThat(order.path("totalCents").asLong()).isEqualTo(TOTAL + 3 * MUG_PRICE);
        assertThat(order.path("version").asLong()).isEqualTo(2);
        assertThat(order.path("updatedAt").asString())
                .isGreaterThan(order.path("createdAt").asString());
        assertThat(order.has("requestFingerprint")).isFalse();
        assertThat(quantityOf(orderId, 0)).isEqualTo(MUGS + 3);
        assertThat(table.item(orderId).get("totalCents").n()).isEqualTo(Long.toString(TOTAL + 3 * MUG_PRICE));
        assertThat(table.item(orderId).get("version").n()).isEqualTo("2");
    }

    @Test
    void removesUnitsWithANegativeDelta(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = change(lambda, customer, orderId, MUG, "{\"delta\":-1}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.json().path("items").path(0).path("quantity").asInt())
                .isEqualTo(MUGS - 1);
        assertThat(response.json().path("totalCents").asLong()).isEqualTo(TOTAL - MUG_PRICE);
        assertThat(response.json().path("version").asLong()).isEqualTo(2);
        assertThat(quantityOf(orderId, 0)).isEqualTo(MUGS - 1);
    }

    @Test
    void changesTheLineNamedInThePath(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = change(lambda, customer, orderId, "TEA-EARLGREY", "{\"delta\":4}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(quantityOf(orderId, 0)).isEqualTo(MUGS);
        assertThat(quantityOf(orderId, 1)).isEqualTo(5);
        assertThat(response.json().path("totalCents").asLong()).isEqualTo(TOTAL + 4 * 899);
    }

    @ParameterizedTest(name = "delta {0}")
    @ValueSource(ints = {-1, 98})
    void takesALineToEitherBound(int delta, LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = change(lambda, customer, orderId, MUG, "{\"delta\":" + delta + "}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(quantityOf(orderId, 0)).isEqualTo(MUGS + delta).isBetween(1, 100);
    }

    @ParameterizedTest(name = "delta {0}")
    @ValueSource(ints = {-2, -100, 99, 100})
    void refusesToTakeALineOutOfItsBoundsAndChangesNothing(int delta, LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = change(lambda, customer, orderId, MUG, "{\"delta\":" + delta + "}");

        // then
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.problemCode()).isEqualTo("QUANTITY_OUT_OF_RANGE");
        assertUnchanged(orderId);
    }

    @Test
    void answers404ForALineTheOrderDoesNotHave(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = change(lambda, customer, orderId, "MUG-RED-01", "{\"delta\":1}");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.problemCode()).isEqualTo("LINE_NOT_FOUND");
        assertUnchanged(orderId);
    }

    @Test
    void answers409ForACancelledOrder(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);
        ApiEvent.fixture("cancel-order.json")
                .principal(customer)
                .pathParameter("orderId", orderId)
                .sendTo(lambda, CANCEL_ORDER);

        // when
        ProxyResponse response = change(lambda, customer, orderId, MUG, "{\"delta\":1}");

        // then
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.problemCode()).isEqualTo("ORDER_NOT_OPEN");
        assertThat(quantityOf(orderId, 0)).isEqualTo(MUGS);
        assertThat(table.item(orderId).get("version").n())
                .as("only the cancel counted")
                .isEqualTo("2");
    }

    @Test
    void answers404ForAnUnknownOrderId(LambdaHarness lambda) {
        // given
        String unknown = UUID.randomUUID().toString();

        // when
        ProxyResponse response = change(lambda, newCustomer(), unknown, MUG, "{\"delta\":1}");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.problemCode()).isEqualTo("NOT_FOUND");
        assertThat(table.item(unknown)).as("no item is created by the update").isEmpty();
    }

    @Test
    void answers404ForAnotherCustomersOrderAndChangesNothing(LambdaHarness lambda) {
        // given
        String orderId = placeOrderFor(lambda, newCustomer());

        // when
        ProxyResponse response = change(lambda, newCustomer(), orderId, MUG, "{\"delta\":1}");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.problemCode()).isEqualTo("NOT_FOUND");
        assertUnchanged(orderId);
    }

    @Test
    void letsAnAdminChangeAnyCustomersOrder(LambdaHarness lambda) {
        // given
        String orderId = placeOrderFor(lambda, newCustomer());

        // when
        ProxyResponse response = ApiEvent.fixture("change-quantity.json")
                .principal("support-" + UUID.randomUUID())
                .scopes("orders:write orders:admin")
                .pathParameter("orderId", orderId)
                .pathParameter("sku", MUG)
                .sendTo(lambda, CHANGE_QUANTITY);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(quantityOf(orderId, 0)).isEqualTo(MUGS + 1);
    }

    @Test
    void refusesACallerWithoutTheWriteScopeAndChangesNothing(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = ApiEvent.fixture("change-quantity.json")
                .principal(customer)
                .scopes("orders:read")
                .pathParameter("orderId", orderId)
                .pathParameter("sku", MUG)
                .sendTo(lambda, CHANGE_QUANTITY);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
        assertUnchanged(orderId);
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{\"delta\":0}", "/delta"),
                Arguments.of("{\"delta\":101}", "/delta"),
                Arguments.of("{\"delta\":-101}", "/delta"),
                Arguments.of("{\"delta\":\"1\"}", "/delta"),
                Arguments.of("{\"delta\":1.5}", "/delta"),
                Arguments.of("{\"delta\":1,\"unitPriceCents\":1}", ""),
                Arguments.of("{}", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void refusesAnInvalidBodyWithFieldErrorsAndChangesNothing(String body, String pointer, LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = change(lambda, customer, orderId, MUG, body);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.problemCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors"))
                .anySatisfy(
                        error -> assertThat(error.path("pointer").asString()).isEqualTo(pointer));
        assertUnchanged(orderId);
    }

    @Test
    void refusesMalformedJsonAndChangesNothing(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = change(lambda, customer, orderId, MUG, "{\"delta\":");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("MALFORMED_JSON");
        assertUnchanged(orderId);
    }

    @Test
    void concurrentIncrementsAllCount(LambdaHarness lambda) throws Exception {
        // given
        int increments = 10;
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);
        // the race is about the table, not start-up: warm the function as earlier traffic would
        change(lambda, customer, UUID.randomUUID().toString(), MUG, "{\"delta\":1}");

        // when
        List<ProxyResponse> responses =
                concurrently(increments, () -> change(lambda, customer, orderId, MUG, "{\"delta\":1}"));

        // then
        assertThat(responses).extracting(ProxyResponse::statusCode).containsOnly(200);
        assertThat(responses)
                .extracting(response -> response.json().path("version").asLong())
                .as("each increment saw its own version of the order")
                .containsExactlyInAnyOrderElementsOf(Stream.iterate(2L, version -> version + 1)
                        .limit(increments)
                        .toList());
        assertThat(quantityOf(orderId, 0)).isEqualTo(MUGS + increments);
        assertThat(table.item(orderId).get("totalCents").n()).isEqualTo(Long.toString(TOTAL + increments * MUG_PRICE));
        assertThat(table.item(orderId).get("version").n()).isEqualTo(Integer.toString(1 + increments));
    }

    @Test
    void concurrentDecrementsNeverTakeALineBelowOne(LambdaHarness lambda) throws Exception {
        // given
        int decrements = 6;
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);
        change(lambda, customer, UUID.randomUUID().toString(), MUG, "{\"delta\":-1}");

        // when
        List<ProxyResponse> responses =
                concurrently(decrements, () -> change(lambda, customer, orderId, MUG, "{\"delta\":-1}"));

        // then only one of them fits between 2 mugs and the lower bound of 1; the others are told why
        assertThat(responses).extracting(ProxyResponse::statusCode).containsOnly(200, 422);
        assertThat(responses)
                .filteredOn(response -> response.statusCode() == 200)
                .hasSize(MUGS - 1);
        assertThat(responses)
                .filteredOn(response -> response.statusCode() == 422)
                .extracting(ProxyResponse::problemCode)
                .containsOnly("QUANTITY_OUT_OF_RANGE");
        assertThat(quantityOf(orderId, 0)).isEqualTo(1);
        assertThat(table.item(orderId).get("totalCents").n()).isEqualTo(Long.toString(TOTAL - MUG_PRICE));
        assertThat(table.item(orderId).get("version").n()).isEqualTo("2");
    }

    private static ProxyResponse change(
            LambdaHarness lambda, String customer, String orderId, String sku, String body) {
        return ApiEvent.fixture("change-quantity.json")
                .principal(customer)
                .pathParameter("orderId", orderId)
                .pathParameter("sku", sku)
                .body(body)
                .sendTo(lambda, CHANGE_QUANTITY);
    }

    /** Runs the calls from parallel threads, released at the same moment. */
    private static List<ProxyResponse> concurrently(int calls, Callable<ProxyResponse> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ProxyResponse>> pending = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(calls)) {
            for (int i = 0; i < calls; i++) {
                pending.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
        }
        List<ProxyResponse> responses = new ArrayList<>();
        for (Future<ProxyResponse> response : pending) {
            responses.add(response.get(30, TimeUnit.SECONDS));
        }
        return responses;
    }

    private int quantityOf(String orderId, int line) {
        Map<String, AttributeValue> stored =
                table.item(orderId).get("items").l().get(line).m();
        return Integer.parseInt(stored.get("quantity").n());
    }

    private void assertUnchanged(String orderId) {
        Map<String, AttributeValue> item = table.item(orderId);
        assertThat(quantityOf(orderId, 0)).isEqualTo(MUGS);
        assertThat(item.get("totalCents").n()).isEqualTo(Long.toString(TOTAL));
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(item.get("updatedAt")).isEqualTo(item.get("createdAt"));
    }
}
