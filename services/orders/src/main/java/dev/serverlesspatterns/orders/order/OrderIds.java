package dev.serverlesspatterns.orders.order;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** Order ids are UUIDs: random, or derived from the customer and an idempotency key so a retry finds its order. */
final class OrderIds {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private OrderIds() {}

    static String random() {
        return UUID.randomUUID().toString();
    }

    /**
     * A name-based UUID of the customer and the key. The key alphabet has no ':', so two different pairs never
     * give the same name, and two customers using the same key get different orders.
     */
    static String derive(String customerId, IdempotencyKey key) {
        String name = "orders:" + customerId + ":" + key.value();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Anything else cannot be an order id, so it is answered with 404 without a table read. */
    static boolean isWellFormed(String orderId) {
        return orderId != null && CANONICAL_UUID.matcher(orderId).matches();
    }
}
