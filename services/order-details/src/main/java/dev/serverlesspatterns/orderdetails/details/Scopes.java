package dev.serverlesspatterns.orderdetails.details;

/** The token scopes the route needs: an order's details are a read of the order. */
final class Scopes {

    static final String READ = "orders:read";

    private Scopes() {}
}
