package dev.serverlesspatterns.events;

/**
 * A JSON Schema shipped in this module, named by its classpath location so that validators in any runtime
 * can load it the same way.
 */
public enum Schema {
    PLACE_ORDER("schemas/orders/place-order.schema.json"),
    CHANGE_QUANTITY("schemas/orders/change-quantity.schema.json"),
    ORDER_CONFIRMATION_REQUESTED("schemas/orders/order-confirmation-requested.schema.json"),
    CREATE_USER("schemas/identity/create-user.schema.json"),
    GRANT_SCOPE("schemas/identity/grant-scope.schema.json");

    private final String classpathLocation;

    Schema(String classpathLocation) {
        this.classpathLocation = classpathLocation;
    }

    public String classpathLocation() {
        return classpathLocation;
    }
}
