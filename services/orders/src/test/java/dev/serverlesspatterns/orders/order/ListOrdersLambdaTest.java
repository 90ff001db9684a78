package dev.serverlesspatterns.orders.order;

import static dev.serverlesspatterns.orders.order.Customers.newCustomer;
import static dev.serverlesspatterns.orders.order.Customers.placeOrderFor;
import static dev.serverlesspatterns.orders.order.LambdaFunctions.LIST_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

@ExtendWith({LocalAwsExtension.class, ConfirmationHandoffsExtension.class})
class ListOrdersLambdaTest {

    @Test
    void pagesThroughAllOrdersNewestFirstEachExactlyOnce(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(placeOrderFor(lambda, customer));
        }

        // when
        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String nextToken = null;
        do {
            ApiEvent request =
                    ApiEvent.fixture("list-orders.json").principal(customer).query("limit", "2");
            if (nextToken != null) {
                request.query("nextToken", nextToken);
            }
            ProxyResponse page = request.sendTo(lambda, LIST_ORDERS);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = page.json();
            body.path("orders")
                    .forEach(order -> listed.add(order.path("orderId").asString()));
            pageSizes.add(body.path("orders").size());
            nextToken = body.has("nextToken") ? body.path("nextToken").asString() : null;
        } while (nextToken != null && pageSizes.size() < 10);

        // then
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(listed).containsExactlyElementsOf(placed.reversed());
    }

    @Test
    void listsOnlyTheCallersOwnOrdersByDefault(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String other = newCustomer();
        String own = placeOrderFor(lambda, customer);
        placeOrderFor(lambda, other);

        // when
        ProxyResponse response =
                ApiEvent.fixture("list-orders.json").principal(customer).sendTo(lambda, LIST_ORDERS);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        assertThat(response.json().path("orders").findValuesAsString("orderId")).containsExactly(own);
        assertThat(response.json().path("orders").findValuesAsString("customerId"))
                .containsOnly(customer);
        assertThat(response.json().has("nextToken")).isFalse();
    }

    @Test
    void answersAnEmptyListForACustomerWithoutOrders(LambdaHarness lambda) {
        // given
        ApiEvent request = ApiEvent.fixture("list-orders.json").principal(newCustomer());

        // when
        ProxyResponse response = request.sendTo(lambda, LIST_ORDERS);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.json().path("orders").isArray()).isTrue();
        assertThat(response.json().path("orders")).isEmpty();
        assertThat(response.json().has("nextToken")).isFalse();
    }

    @Test
    void forbidsListingAnotherCustomersOrdersWithoutTheAdminScope(LambdaHarness lambda) {
        // given
        String other = newCustomer();
        placeOrderFor(lambda, other);

        // when
        ProxyResponse response = ApiEvent.fixture("list-orders.json")
                .principal(newCustomer())
                .query("customerId", other)
                .sendTo(lambda, LIST_ORDERS);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void letsAnAdminListAnotherCustomersOrders(LambdaHarness lambda) {
        // given
        String other = newCustomer();
        String orderId = placeOrderFor(lambda, other);

        // when
        ProxyResponse response = ApiEvent.fixture("list-orders.json")
                .principal(newCustomer())
                .scopes("orders:read orders:admin")
                .query("customerId", other)
                .sendTo(lambda, LIST_ORDERS);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.json().path("orders").findValuesAsString("orderId")).containsExactly(orderId);
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "101", "-1", "ten", ""})
    void refusesALimitOutsideOneToOneHundred(String limit, LambdaHarness lambda) {
        // given
        ApiEvent request =
                ApiEvent.fixture("list-orders.json").principal(newCustomer()).query("limit", limit);

        // when
        ProxyResponse response = request.sendTo(lambda, LIST_ORDERS);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("INVALID_LIMIT");
    }

    @Test
    void refusesANextTokenWhoseBytesWereChanged(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String token = firstPageToken(lambda, customer);
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);

        // when
        ProxyResponse response = ApiEvent.fixture("list-orders.json")
                .principal(customer)
                .query("limit", "1")
                .query("nextToken", tampered)
                .sendTo(lambda, LIST_ORDERS);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("INVALID_NEXT_TOKEN");
    }

    @Test
    void refusesANextTokenRewrittenToPointIntoAnotherCustomersOrders(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String victim = newCustomer();
        String token = firstPageToken(lambda, customer);
        String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String rewritten = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.replace(customer, victim).getBytes(StandardCharsets.UTF_8));

        // when
        ProxyResponse response = ApiEvent.fixture("list-orders.json")
                .principal(customer)
                .query("nextToken", rewritten)
                .sendTo(lambda, LIST_ORDERS);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("INVALID_NEXT_TOKEN");
    }

    @Test
    void refusesACallerWithoutTheReadScope(LambdaHarness lambda) {
        // given
        ApiEvent request =
                ApiEvent.fixture("list-orders.json").principal(newCustomer()).scopes("orders:write");

        // when
        ProxyResponse response = request.sendTo(lambda, LIST_ORDERS);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
    }

    private static String firstPageToken(LambdaHarness lambda, String customer) {
        placeOrderFor(lambda, customer);
        placeOrderFor(lambda, customer);
        ProxyResponse firstPage = ApiEvent.fixture("list-orders.json")
                .principal(customer)
                .query("limit", "1")
                .sendTo(lambda, LIST_ORDERS);
        String token = firstPage.json().path("nextToken").asString(null);
        assertThat(token)
                .as("a first page of one order out of two has a nextToken")
                .isNotNull();
        return token;
    }
}
