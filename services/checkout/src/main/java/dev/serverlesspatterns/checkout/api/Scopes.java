package dev.serverlesspatterns.checkout.api;

/** The scopes the checkout routes check (the authorizer's policy is stage-wide; each route checks its own). */
final class Scopes {

    static final String WRITE = "checkout:write";
    static final String READ = "checkout:read";

    private Scopes() {}
}
