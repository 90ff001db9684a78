package dev.serverlesspatterns.reporting.report;

/** The OAuth scope the authorizer grants for the report routes. */
final class Scopes {

    static final String READ = "reports:read";

    private Scopes() {}
}
