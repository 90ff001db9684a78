package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.lambda.FunctionFaults;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Aggregator: {@code GET /orders/{orderId}/details} through the gateway, calling the real orders, customers and
 * shipping functions under the local runtime. The local runtime's {@link FunctionFaults} slow a callee down (the
 * real function then runs) or make it answer with a function error, for the length of one test.
 */
@ExtendWith(LocalSuiteExtension.class)
class AggregatorIT {

    private static final String ORDER =
            "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":2,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}";
    private static final String ORDERS = "SummarizeOrderFunction";
    private static final String CUSTOMERS = "GetCustomerProfileFunction";
    private static final String SHIPPING = "GetShipmentForOrderFunction";
    /** Each callee's injected latency in the parallelism test. */
    private static final Duration D = Duration.ofMillis(800);
    /** The customers callee's budget (services/order-details application.yml). */
    private static final Duration CUSTOMERS_BUDGET = Duration.ofSeconds(2);

    private LocalSuite suite;
    private ShopApi api;
    private String customer;
    private String token;
    private String orderId;

    @BeforeEach
    void placeAnOrder(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        Identities identities = new Identities(api, suite);
        Identities.Client client = identities.newUser("orders:read", "orders:write");
        this.customer = client.id();
        this.token = identities.token(client);
        ShopApi.Response placed =
                api.request("POST", "/orders").bearer(token).json(ORDER).send();
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        this.orderId = placed.json().get("orderId").asString();
        // One answer before any timing: the first call of each callee pays its JVM's warm-up, not the pattern.
        assertThat(details(orderId).status()).isEqualTo(200);
    }

    @AfterEach
    void disconnect() {
        api.close();
    }

    @Test
    void answersTheWholeDetailsWhenEveryServiceAnswers() {
        // when
        ShopApi.Response response = details(orderId);

        // then
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode details = response.json();
        assertThat(details.get("complete").asBoolean()).isTrue();
        assertThat(details.get("missing").isEmpty()).isTrue();
        assertThat(details.get("order").get("orderId").asString()).isEqualTo(orderId);
        assertThat(details.get("order").get("customerId").asString()).isEqualTo(customer);
        assertThat(details.get("order").get("totalCents").asLong()).isEqualTo(2500);
        assertThat(details.get("customer").isNull()).isFalse();
        assertThat(details.get("shipment").isNull()).isFalse();
    }

    @Test
    void callsTheThreeServicesInParallel() {
        // given each callee delayed by D for this order and customer
        try (var orders = suite.faults().delay(ORDERS, D);
                var customers = suite.faults().delay(CUSTOMERS, D);
                var shipping = suite.faults().delay(SHIPPING, D)) {

            // when
            long started = System.nanoTime();
            ShopApi.Response response = details(orderId);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // then the answer waited for the slowest callee, not for the three in a row
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("complete").asBoolean()).isTrue();
            assertThat(took).isGreaterThanOrEqualTo(D).isLessThan(D.multipliedBy(2));
        }
    }

    @Test
    void answersWithoutTheShipmentWhenTheShippingServiceFails() {
        // given
        try (var shipping = suite.faults().fail(SHIPPING, "shipping is down for AggregatorIT")) {

            // when
            ShopApi.Response response = details(orderId);

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode details = response.json();
            assertThat(details.get("complete").asBoolean()).isFalse();
            assertThat(details.get("order").get("orderId").asString()).isEqualTo(orderId);
            assertThat(details.get("customer").isNull()).isFalse();
            assertThat(details.get("shipment").isNull()).isTrue();
            assertThat(details.get("missing")).hasSize(1);
            assertThat(details.get("missing").get(0).get("part").asString()).isEqualTo("shipment");
            assertThat(details.get("missing").get(0).get("code").asString()).isEqualTo("CALLEE_FAILED");
            assertThat(response.body())
                    .doesNotContain(FunctionFaults.INJECTED_ERROR_TYPE)
                    .doesNotContain("is down");
        }
    }

    @Test
    void answersWithoutTheCustomerWhenTheCustomersServiceRunsPastItsBudget() {
        // given
        try (var customers = suite.faults().delay(CUSTOMERS, CUSTOMERS_BUDGET.plusSeconds(1))) {

            // when
            long started = System.nanoTime();
            ShopApi.Response response = details(orderId);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // then the route stopped waiting at the budget
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode details = response.json();
            assertThat(details.get("complete").asBoolean()).isFalse();
            assertThat(details.get("customer").isNull()).isTrue();
            assertThat(details.get("shipment").isNull()).isFalse();
            assertThat(details.get("missing")).hasSize(1);
            assertThat(details.get("missing").get(0).get("part").asString()).isEqualTo("customer");
            assertThat(details.get("missing").get(0).get("code").asString()).isEqualTo("CALLEE_TIMED_OUT");
            assertThat(took).isGreaterThanOrEqualTo(CUSTOMERS_BUDGET).isLessThan(CUSTOMERS_BUDGET.plusSeconds(1));
        }
    }

    @Test
    void answersTheCalleesProblemNotA500WhenTheRequiredOrderPartFails() {
        // given
        try (var orders = suite.faults().fail(ORDERS, "orders is down for AggregatorIT")) {

            // when
            ShopApi.Response response = details(orderId);

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(502);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("CALLEE_FAILED");
        }
    }

    @Test
    void answers404ForAnUnknownOrderAndForAnotherCustomersOrder() {
        // given
        String unknown = UUID.randomUUID().toString();
        Identities identities = new Identities(api, suite);
        String stranger = identities.token(identities.newUser("orders:read"));

        // when
        ShopApi.Response missing = details(unknown);
        ShopApi.Response foreign = api.request("GET", "/orders/" + orderId + "/details")
                .bearer(stranger)
                .send();

        // then
        assertThat(missing.status()).as(missing.body()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(missing.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());
    }

    private ShopApi.Response details(String id) {
        return api.request("GET", "/orders/" + id + "/details").bearer(token).send();
    }
}
