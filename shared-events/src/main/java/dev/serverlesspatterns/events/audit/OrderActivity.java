package dev.serverlesspatterns.events.audit;

/**
 * The contract of the audit service's order-activity topic (the Distributed Trigger's topic): each order event of
 * the orders bus is republished once with the message attributes {@link #EVENT_TYPE} (the bus event's detail type,
 * what subscribers filter on) and {@link #EVENT_ID} (the bus event's id, the same on every retry). The body is
 * the event's detail: an {@link dev.serverlesspatterns.events.orders.OrderPlaced} or {@link
 * dev.serverlesspatterns.events.orders.OrderCancelled} as JSON; subscribers use raw message delivery.
 */
public final class OrderActivity {

    /** Message attribute (String) naming the event's type. */
    public static final String EVENT_TYPE = "eventType";
    /** Message attribute (String): the id of the bus event this message republishes. */
    public static final String EVENT_ID = "eventId";

    private OrderActivity() {}
}
