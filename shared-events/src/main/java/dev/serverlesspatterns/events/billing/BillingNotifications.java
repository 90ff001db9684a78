package dev.serverlesspatterns.events.billing;

/**
 * The contract of the billing-notifications topic beyond the event bodies: every message carries the message
 * attributes {@link #EVENT_TYPE} (one of the event type names below, what subscribers filter on) and
 * {@link #EVENT_ID} (the same for every publish of the same event, so a subscriber can recognise a republish).
 * The message body is the event record as JSON; subscribers use raw message delivery.
 */
public final class BillingNotifications {

    /** Message attribute (String) naming the event's type. */
    public static final String EVENT_TYPE = "eventType";
    /** Message attribute (String): the event's id. */
    public static final String EVENT_ID = "eventId";

    public static final String INVOICE_ISSUED = "InvoiceIssued";
    public static final String PAYMENT_FAILED = "PaymentFailed";

    private BillingNotifications() {}
}
