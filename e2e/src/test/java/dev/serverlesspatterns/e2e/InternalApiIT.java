package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.events.customers.CustomerProfile;
import dev.serverlesspatterns.events.customers.CustomerProfileRequest;
import dev.serverlesspatterns.events.shipping.Shipment;
import dev.serverlesspatterns.events.shipping.ShipmentRequest;
import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.lambda.FunctionFaults;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import dev.serverlesspatterns.platform.internalapi.CalleeFailure;
import dev.serverlesspatterns.platform.internalapi.InternalApi;
import dev.serverlesspatterns.platform.internalapi.InternalApiException;
import dev.serverlesspatterns.platform.internalapi.InternalApiProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Internal API: functions without a public route (customers' {@code GetCustomerProfileFunction}, shipping's
 * {@code GetShipmentForOrderFunction}), called through the local Lambda Invoke API on their {@code live} alias by the
 * platform's {@link InternalApi} over the real SDK {@code LambdaClient}, as a calling service does. A callee error or
 * timeout never becomes a result: the caller gets a stable problem code. Slow callees are made slow by a delay
 * injected into the real function host ({@link FunctionFaults}); the callee error is a real one (a request the callee
 * refuses).
 */
@ExtendWith(LocalSuiteExtension.class)
class InternalApiIT {

    private static final String PROFILE = "GetCustomerProfileFunction";
    private static final String SHIPMENT = "GetShipmentForOrderFunction";
    private static final String ORDER =
            "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":1,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}";
    private static final String ADDRESS = """
            {"recipient":"Bea de Vries","line1":"Coolsingel 40","city":"Rotterdam","postcode":"3011 AD","country":"NL"}""";

    private LocalSuite suite;
    private ShopApi api;
    private LambdaClient lambda;
    private InternalApi internalApi;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.lambda = SuiteLambda.client(suite);
        this.internalApi = new InternalApi(lambda, JsonMapper.builder().build(), new InternalApiProperties("live"));
    }

    @AfterEach
    void disconnect() {
        lambda.close();
    }

    @Test
    void theCustomersProfileHoldsTheAddressSavedThroughTheShopApi() {
        // given a customer who saved a delivery address through the shop API
        Identities identities = new Identities(api, suite);
        Identities.Client customer = identities.newUser("customers:write");
        ShopApi.Response saved = api.request("POST", "/delivery-addresses")
                .bearer(identities.token(customer))
                .json(ADDRESS)
                .send();
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        // when another service asks the customers service's internal API for the profile
        CustomerProfile profile = internalApi.call(
                function(PROFILE), new CustomerProfileRequest(customer.id()), CustomerProfile.class, seconds(10));

        // then it answers that address
        assertThat(profile.found()).isTrue();
        assertThat(profile.deliveryAddresses()).singleElement().satisfies(address -> {
            assertThat(address.addressId())
                    .isEqualTo(saved.json().path("addressId").asString());
            assertThat(address.city()).isEqualTo("Rotterdam");
            assertThat(address.country()).isEqualTo("NL");
        });
    }

    @Test
    void aPlacedOrdersShipmentIsPlannedAndAnswered() {
        // given an order placed through the shop API
        Identities identities = new Identities(api, suite);
        String token = identities.token(identities.newUser("orders:read", "orders:write"));
        ShopApi.Response placed = api.request("POST", "/orders")
                .bearer(token)
                .header("Idempotency-Key", "internal-api-" + UUID.randomUUID())
                .json(ORDER)
                .send();
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();

        // when the shipping service's internal API is asked for its shipment, until the planner (fed by the orders
        // table's stream, the orders bus and the order-activity topic) has planned it
        Shipment shipment = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> internalApi.call(
                                function(SHIPMENT), new ShipmentRequest(orderId), Shipment.class, seconds(10)),
                        Shipment::found);

        // then it answers the planned shipment of that order
        assertThat(shipment.orderId()).isEqualTo(orderId);
        assertThat(shipment.status()).isEqualTo("PLANNED");
        assertThat(shipment.dispatchBy()).isAfter(LocalDate.now().minusDays(1));
    }

    @Test
    void aCalleeErrorIsAProblemCodeNeverA200WithAnErrorBody() {
        // given a request the customers service refuses (no customer id): Lambda answers 200 with a function error
        InvokeResponse raw = lambda.invoke(invoke ->
                invoke.functionName(function(PROFILE)).qualifier("live").payload(SdkBytes.fromUtf8String("{}")));
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.functionError()).isEqualTo("Unhandled");

        // when a caller sends it through the internal API client
        // then the client reports CALLEE_FAILED (502) instead of a profile
        assertThatThrownBy(() -> internalApi.call(
                        function(PROFILE), new CustomerProfileRequest(null), CustomerProfile.class, seconds(10)))
                .isInstanceOfSatisfying(InternalApiException.class, failed -> {
                    assertThat(failed.failure()).isEqualTo(CalleeFailure.CALLEE_FAILED);
                    assertThat(failed.problem().status()).isEqualTo(502);
                    assertThat(failed.problem().code()).isEqualTo("CALLEE_FAILED");
                    assertThat(failed.calleeErrorType()).isEqualTo(IllegalArgumentException.class.getName());
                });
    }

    @Test
    void aCalleePastItsOwnTimeoutIsCalleeTimedOut() {
        // given the shipping internal API (Timeout 5 s in its stack) held up longer than its Timeout
        try (FunctionFaults.Injection slow = suite.faults().delay(SHIPMENT, Duration.ofSeconds(6))) {
            long started = System.nanoTime();

            // when a caller with a generous budget calls it
            // then Lambda's Sandbox.Timedout after 5 s becomes CALLEE_TIMED_OUT (504)
            assertThatThrownBy(() -> internalApi.call(
                            function(SHIPMENT),
                            new ShipmentRequest("o-" + UUID.randomUUID()),
                            Shipment.class,
                            seconds(15)))
                    .isInstanceOfSatisfying(InternalApiException.class, timedOut -> {
                        assertThat(timedOut.failure()).isEqualTo(CalleeFailure.CALLEE_TIMED_OUT);
                        assertThat(timedOut.problem().status()).isEqualTo(504);
                        assertThat(timedOut.calleeErrorType()).isEqualTo("Sandbox.Timedout");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isBetween(Duration.ofMillis(4900), Duration.ofSeconds(10));
        }
    }

    @Test
    void aBudgetShorterThanTheCalleesRunIsCalleeTimedOutAtAboutTheBudget() {
        // given the customers internal API held up for 3 s, within its own Timeout
        try (FunctionFaults.Injection slow = suite.faults().delay(PROFILE, Duration.ofSeconds(3))) {
            long started = System.nanoTime();

            // when a caller gives the call a budget of 1 s
            // then the call ends as CALLEE_TIMED_OUT after about the budget, not after the callee's run
            assertThatThrownBy(() -> internalApi.call(
                            function(PROFILE),
                            new CustomerProfileRequest("customer-" + UUID.randomUUID()),
                            CustomerProfile.class,
                            Duration.ofSeconds(1)))
                    .isInstanceOfSatisfying(InternalApiException.class, timedOut -> {
                        assertThat(timedOut.failure()).isEqualTo(CalleeFailure.CALLEE_TIMED_OUT);
                        assertThat(timedOut.calleeErrorType()).isNull();
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
        }
    }

    /** The function's deployed name, which callers get from the callee stack's outputs. */
    private String function(String logicalId) {
        return suite.stack().ref(logicalId);
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
