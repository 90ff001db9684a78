package dev.serverlesspatterns.checkout;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checkout ids: derived from the customer and the client's idempotency key, so a retried {@code POST /checkouts} names
 * the same checkout, and the same Step Functions execution (the id is the execution's name).
 */
public final class CheckoutIds {

    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private CheckoutIds() {}

    public static String derive(String customerId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes((customerId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public static boolean isWellFormed(String checkoutId) {
        return checkoutId != null && UUID_FORMAT.matcher(checkoutId).matches();
    }

    /** A task's checkout id, checked before anything is written under it. */
    public static void require(String checkoutId) {
        if (!isWellFormed(checkoutId)) {
            throw new IllegalArgumentException("A task needs the checkout id (a UUID), not " + checkoutId);
        }
    }
}
