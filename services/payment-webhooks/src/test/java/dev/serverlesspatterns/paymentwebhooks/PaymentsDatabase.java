package dev.serverlesspatterns.paymentwebhooks;

import dev.serverlesspatterns.local.engines.Engine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Looks straight into the payments database, past the functions, to see what they wrote, and lets a test break it
 * for real (a trigger that raises) where a failure path needs a database failure.
 */
public final class PaymentsDatabase {

    /** The service's schema (see application.yml), created by the migration function (custom resource). */
    public static final String SCHEMA = "payment_webhooks";

    private final JdbcClient jdbc;

    PaymentsDatabase(Engine engine) {
        this.jdbc = JdbcClient.create(new DriverManagerDataSource(engine.url(), engine.username(), engine.password()));
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
