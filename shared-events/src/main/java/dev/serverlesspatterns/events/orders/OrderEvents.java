package dev.serverlesspatterns.events.orders;

/**
 * The contract of the orders event bus: every event has the source {@link #SOURCE}, one of the detail types below
 * and the event record as its {@code detail}.
 */
public final class OrderEvents {

    public static final String SOURCE = "serverlesspatterns.orders";

    public static final String ORDER_PLACED = "OrderPlaced";
    public static final String ORDER_CANCELLED = "OrderCancelled";

    private OrderEvents() {}
}
