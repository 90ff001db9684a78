package dev.serverlesspatterns.orders.order;

/** The OAuth scopes the authorizer grants for the orders API. */
final class Scopes {

    static final String READ = "orders:read";
    static final String WRITE = "orders:write";
    /** Acts on any customer's orders, not only the caller's own. */
    static final String ADMIN = "orders:admin";

    private Scopes() {}
}
