package dev.serverlesspatterns.events;

/**
 * A JSON Schema shipped in this module, named by its classpath location so that validators in any runtime
 * can load it the same way.
 */
public enum Schema {
    PLACE_ORDER("schemas/orders/place-order.schema.json"),
    CHANGE_QUANTITY("schemas/orders/change-quantity.schema.json"),
    ORDER_CONFIRMATION_REQUESTED("schemas/orders/order-confirmation-requested.schema.json"),
    ORDER_PLACED("schemas/orders/order-placed.schema.json"),
    ORDER_CANCELLED("schemas/orders/order-cancelled.schema.json"),
    INVOICE_ISSUED("schemas/billing/invoice-issued.schema.json"),
    PAYMENT_FAILED("schemas/billing/payment-failed.schema.json"),
    AUDIT_EVENT_REPORTED("schemas/audit/audit-event-reported.schema.json"),
    CREATE_USER("schemas/identity/create-user.schema.json"),
    GRANT_SCOPE("schemas/identity/grant-scope.schema.json"),
    NOTIFICATION_REQUESTED("schemas/notifications/notification-requested.schema.json"),
    START_CHECKOUT("schemas/checkout/start-checkout.schema.json");

    private final String classpathLocation;

    Schema(String classpathLocation) {
        this.classpathLocation = classpathLocation;
    }

    public String classpathLocation() {
        return classpathLocation;
    }
}
