package dev.serverlesspatterns.orders.order;

import static dev.serverlesspatterns.orders.order.Customers.newCustomer;
import static dev.serverlesspatterns.orders.order.Customers.placeOrderFor;
import static dev.serverlesspatterns.orders.order.LambdaFunctions.GET_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({LocalAwsExtension.class, ConfirmationHandoffsExtension.class})
class GetOrderLambdaTest {

    @Test
    void returnsTheCallersOwnOrder(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = ApiEvent.fixture("get-order.json")
                .principal(customer)
                .pathParameter("orderId", orderId)
                .sendTo(lambda, GET_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        assertThat(response.json().path("orderId").asString()).isEqualTo(orderId);
        assertThat(response.json().path("customerId").asString()).isEqualTo(customer);
        assertThat(response.json().path("status").asString()).isEqualTo("OPEN");
        assertThat(response.json().path("totalCents").asLong()).isEqualTo(3399);
    }

    @Test
    void answers404ForAnUnknownOrderId(LambdaHarness lambda) {
        // given
        ApiEvent request = ApiEvent.fixture("get-order.json")
                .principal(newCustomer())
                .pathParameter("orderId", UUID.randomUUID().toString());

        // when
        ProxyResponse response = request.sendTo(lambda, GET_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.problemCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void answers404ForAnIdNoOrderCanHave(LambdaHarness lambda) {
        // given
        ApiEvent request =
                ApiEvent.fixture("get-order.json").principal(newCustomer()).pathParameter("orderId", "..%2F..%2Fadmin");

        // when
        ProxyResponse response = request.sendTo(lambda, GET_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.problemCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void hidesAnotherCustomersOrderBehindTheSame404AsAMissingOne(LambdaHarness lambda) {
        // given
        String owner = newCustomer();
        String stranger = newCustomer();
        String orderId = placeOrderFor(lambda, owner);
        ProxyResponse missing = ApiEvent.fixture("get-order.json")
                .principal(stranger)
                .pathParameter("orderId", UUID.randomUUID().toString())
                .sendTo(lambda, GET_ORDER);

        // when
        ProxyResponse foreign = ApiEvent.fixture("get-order.json")
                .principal(stranger)
                .pathParameter("orderId", orderId)
                .sendTo(lambda, GET_ORDER);

        // then
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());
    }

    @Test
    void letsAnAdminReadAnyCustomersOrder(LambdaHarness lambda) {
        // given
        String owner = newCustomer();
        String orderId = placeOrderFor(lambda, owner);

        // when
        ProxyResponse response = ApiEvent.fixture("get-order.json")
                .principal("support-" + UUID.randomUUID())
                .scopes("orders:read orders:admin")
                .pathParameter("orderId", orderId)
                .sendTo(lambda, GET_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.json().path("customerId").asString()).isEqualTo(owner);
    }

    @Test
    void refusesACallerWithoutTheReadScope(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = ApiEvent.fixture("get-order.json")
                .principal(customer)
                .scopes("orders:write")
                .pathParameter("orderId", orderId)
                .sendTo(lambda, GET_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void refusesARequestThatDidNotPassTheAuthorizer(LambdaHarness lambda) {
        // given
        ApiEvent request = ApiEvent.fixture("get-order.json")
                .principal("")
                .pathParameter("orderId", UUID.randomUUID().toString());

        // when
        ProxyResponse response = request.sendTo(lambda, GET_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.problemCode()).isEqualTo("UNAUTHENTICATED");
    }
}
