package dev.serverlesspatterns.orders.order;

import static dev.serverlesspatterns.orders.order.Customers.newCustomer;
import static dev.serverlesspatterns.orders.order.Customers.placeOrderFor;
import static dev.serverlesspatterns.orders.order.LambdaFunctions.CANCEL_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({LocalAwsExtension.class, ConfirmationHandoffsExtension.class})
class CancelOrderLambdaTest {

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
    void cancelsAnOpenOrderAndAnswersWithTheCancelledOrder(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = cancel(lambda, customer, orderId);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        assertThat(response.json().path("orderId").asString()).isEqualTo(orderId);
        assertThat(response.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(response.json().path("version").asLong()).isEqualTo(2);
        assertThat(response.json().path("updatedAt").asString())
                .isGreaterThan(response.json().path("createdAt").asString());
        assertThat(table.item(orderId).get("status").s()).isEqualTo("CANCELLED");
        assertThat(table.item(orderId).get("version").n()).isEqualTo("2");
    }

    @Test
    void answers409WhenTheOrderIsCancelledAlready(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);
        cancel(lambda, customer, orderId);

        // when
        ProxyResponse again = cancel(lambda, customer, orderId);

        // then
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(again.problemCode()).isEqualTo("ORDER_NOT_OPEN");
        assertThat(table.item(orderId).get("version").n()).isEqualTo("2");
    }

    @Test
    void answers404ForAnUnknownOrderId(LambdaHarness lambda) {
        // given
        String unknown = UUID.randomUUID().toString();

        // when
        ProxyResponse response = cancel(lambda, newCustomer(), unknown);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.problemCode()).isEqualTo("NOT_FOUND");
        assertThat(table.item(unknown)).as("no item is created by the update").isEmpty();
    }

    @Test
    void answers404ForAnotherCustomersOrderAndLeavesItOpen(LambdaHarness lambda) {
        // given
        String owner = newCustomer();
        String orderId = placeOrderFor(lambda, owner);

        // when
        ProxyResponse response = cancel(lambda, newCustomer(), orderId);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.problemCode()).isEqualTo("NOT_FOUND");
        assertThat(table.item(orderId).get("status").s()).isEqualTo("OPEN");
        assertThat(table.item(orderId).get("version").n()).isEqualTo("1");
    }

    @Test
    void letsAnAdminCancelAnyCustomersOrder(LambdaHarness lambda) {
        // given
        String orderId = placeOrderFor(lambda, newCustomer());

        // when
        ProxyResponse response = ApiEvent.fixture("cancel-order.json")
                .principal("support-" + UUID.randomUUID())
                .scopes("orders:write orders:admin")
                .pathParameter("orderId", orderId)
                .sendTo(lambda, CANCEL_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void refusesACallerWithoutTheWriteScopeAndLeavesTheOrderOpen(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        ProxyResponse response = ApiEvent.fixture("cancel-order.json")
                .principal(customer)
                .scopes("orders:read")
                .pathParameter("orderId", orderId)
                .sendTo(lambda, CANCEL_ORDER);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(table.item(orderId).get("status").s()).isEqualTo("OPEN");
    }

    @Test
    void concurrentCancelsOfOneOrderCancelItExactlyOnce(LambdaHarness lambda) throws Exception {
        // given
        int attempts = 8;
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);
        // the race is about the table, not start-up: warm the function as earlier traffic would
        cancel(lambda, customer, UUID.randomUUID().toString());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ProxyResponse>> pending = new ArrayList<>();

        // when
        try (ExecutorService threads = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                pending.add(threads.submit(() -> {
                    start.await();
                    return cancel(lambda, customer, orderId);
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<ProxyResponse> response : pending) {
            statuses.add(response.get(30, TimeUnit.SECONDS).statusCode());
        }

        // then
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(attempts - 1);
        assertThat(table.item(orderId).get("status").s()).isEqualTo("CANCELLED");
        assertThat(table.item(orderId).get("version").n()).isEqualTo("2");
    }

    private static ProxyResponse cancel(LambdaHarness lambda, String customer, String orderId) {
        return ApiEvent.fixture("cancel-order.json")
                .principal(customer)
                .pathParameter("orderId", orderId)
                .sendTo(lambda, CANCEL_ORDER);
    }
}
