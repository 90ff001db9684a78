package dev.serverlesspatterns.audit.event;

/** The OAuth scope the authorizer grants for reporting audit events. */
final class Scopes {

    static final String WRITE = "audit:write";

    private Scopes() {}
}
