package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.lambda.InvocationLog;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Robust API: the gateway routes by method and path to one function per route, and refuses unknown routes. */
@ExtendWith(LocalSuiteExtension.class)
class RobustApiIT {

    private static final List<String> ORDER_FUNCTIONS =
            List.of("PlaceOrderFunction", "GetOrderFunction", "ListOrdersFunction", "CancelOrderFunction");

    private LocalSuite suite;
    private ShopApi api;
    private String token;

    @BeforeEach
    void signIn(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        Identities identities = new Identities(api, suite);
        this.token = identities.token(identities.newUser("orders:read", "orders:write"));
    }

    @Test
    void postGetAndDeleteOnOneResourceReachThreeDifferentFunctions() {
        // given the invocation counts of the order functions
        Map<String, Integer> before = counts();

        // when one order is placed, read and cancelled
        String orderId = api.request("POST", "/orders")
                .bearer(token)
                .json("{\"items\":[{\"sku\":\"PEN-1\",\"quantity\":1,\"unitPriceCents\":100}],\"currency\":\"USD\"}")
                .send()
                .json()
                .get("orderId")
                .asString();
        api.request("GET", "/orders/" + orderId).bearer(token).send();
        api.request("DELETE", "/orders/" + orderId).bearer(token).send();

        // then each method reached its own function exactly once, and the list function none
        Map<String, Integer> after = counts();
        assertThat(after.get("PlaceOrderFunction") - before.get("PlaceOrderFunction"))
                .isEqualTo(1);
        assertThat(after.get("GetOrderFunction") - before.get("GetOrderFunction"))
                .isEqualTo(1);
        assertThat(after.get("CancelOrderFunction") - before.get("CancelOrderFunction"))
                .isEqualTo(1);
        assertThat(after.get("ListOrdersFunction")).isEqualTo(before.get("ListOrdersFunction"));
    }

    @Test
    void unknownPathsAndMethodsStopAtTheGateway() {
        // given the invocation counts, authorizer included
        Map<String, Integer> before = counts();
        int authorizerRuns = suite.invocations().count("AuthorizeRequestFunction");

        // when a client calls a path and a method the API does not declare
        ShopApi.Response unknownPath =
                api.request("GET", "/invoices").bearer(token).send();
        ShopApi.Response unknownMethod =
                api.request("PUT", "/orders/" + UUID.randomUUID()).bearer(token).send();

        // then the gateway answers 404 with a machine-readable body and no function ran
        for (ShopApi.Response response : List.of(unknownPath, unknownMethod)) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("code").asString()).isEqualTo("NO_SUCH_ROUTE");
        }
        assertThat(counts()).isEqualTo(before);
        assertThat(suite.invocations().count("AuthorizeRequestFunction")).isEqualTo(authorizerRuns);
    }

    private Map<String, Integer> counts() {
        InvocationLog log = suite.invocations();
        return ORDER_FUNCTIONS.stream().collect(Collectors.toMap(Function.identity(), log::count));
    }
}
