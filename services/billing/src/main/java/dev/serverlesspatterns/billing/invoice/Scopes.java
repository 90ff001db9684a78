package dev.serverlesspatterns.billing.invoice;

/** The OAuth scopes the authorizer grants for the billing API. */
final class Scopes {

    static final String WRITE = "billing:write";

    private Scopes() {}
}
