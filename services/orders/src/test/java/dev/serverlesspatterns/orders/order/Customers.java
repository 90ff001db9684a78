package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.util.UUID;

/** Test customers: each test gets fresh ones, because all tests of the JVM share one emulator. */
final class Customers {

    private Customers() {}

    static String newCustomer() {
        return "customer-" + UUID.randomUUID();
    }

    /** Places the fixture's order for the customer, without an idempotency key, and returns its id. */
    static String placeOrderFor(LambdaHarness lambda, String customerId) {
        ProxyResponse placed = ApiEvent.fixture("place-order.json")
                .principal(customerId)
                .withoutHeader(IdempotencyKey.HEADER)
                .sendTo(lambda, LambdaFunctions.PLACE_ORDER);
        if (placed.statusCode() != 201) {
            throw new IllegalStateException("Could not place an order: " + placed);
        }
        return placed.json().path("orderId").asString();
    }
}
