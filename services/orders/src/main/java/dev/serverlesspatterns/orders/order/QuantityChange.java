package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.events.orders.PlaceOrderRequest.OrderLine;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;

/**
 * A change of one line's quantity, checked against the order as it was read. {@link OrderTable} applies it in
 * place and only while the stored line still allows it. A DynamoDB condition compares but cannot add, so
 * "1 ≤ quantity + delta ≤ 100" is asked as "{@link #minimumBefore()} ≤ quantity ≤ {@link #maximumBefore()}".
 *
 * @param line position of the line in the order's items, which is its index in the stored list
 * @param sku the line's sku, so the write can check that the index still points at it
 * @param unitPriceCents the line's price: the total moves by {@code delta × unitPriceCents}
 * @param delta units to add, or to remove when negative
 */
record QuantityChange(int line, String sku, long unitPriceCents, int delta) {

    /** The bounds of a line's quantity, as {@code place-order.schema.json} sets them when an order is placed. */
    static final int MIN_QUANTITY = 1;

    static final int MAX_QUANTITY = 100;

    /**
     * The change to the line with this sku, or the problem that rules it out, checked in this order: the order is not
     * open (409), it has no such line (404), it has two (409: orders placed before {@code PlaceOrder} refused a
     * repeated sku may hold them), the quantity would leave its bounds (422).
     */
    static QuantityChange of(Order order, String sku, int delta) {
        if (order.status() != OrderStatus.OPEN) {
            throw ApiProblemException.conflict(
                    "ORDER_NOT_OPEN",
                    "Order " + order.orderId() + " is " + order.status() + "; only an OPEN order can be changed.");
        }
        long lines =
                order.items().stream().filter(item -> item.sku().equals(sku)).count();
        if (lines == 0) {
            throw OrderPath.noSuchLine();
        }
        if (lines > 1) {
            throw ApiProblemException.conflict(
                    "AMBIGUOUS_LINE",
                    "Order " + order.orderId() + " has more than one line with sku " + sku
                            + "; it cannot tell which to change.");
        }
        int line = indexOf(order, sku);
        OrderLine current = order.items().get(line);
        long after = (long) current.quantity() + delta;
        if (after < MIN_QUANTITY || after > MAX_QUANTITY) {
            throw new ApiProblemException(ApiProblem.of(
                    422,
                    "QUANTITY_OUT_OF_RANGE",
                    "The line holds " + current.quantity() + " and would hold " + after + "; a line holds "
                            + MIN_QUANTITY + " to " + MAX_QUANTITY + " units."));
        }
        return new QuantityChange(line, sku, current.unitPriceCents(), delta);
    }

    /** The least quantity the line may hold now so that it holds at least {@link #MIN_QUANTITY} afterwards. */
    int minimumBefore() {
        return MIN_QUANTITY - delta;
    }

    /** The most the line may hold now so that it holds at most {@link #MAX_QUANTITY} afterwards. */
    int maximumBefore() {
        return MAX_QUANTITY - delta;
    }

    long deltaCents() {
        return delta * unitPriceCents;
    }

    private static int indexOf(Order order, String sku) {
        for (int i = 0; i < order.items().size(); i++) {
            if (order.items().get(i).sku().equals(sku)) {
                return i;
            }
        }
        return -1;
    }
}
