package dev.serverlesspatterns.e2e;

import dev.serverlesspatterns.local.LocalSuite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The suite's Postgres (the payments database, which also holds the reporting read model), reached past the functions
 * with the parameters the local runtime filled from its engine (Metadata.LocalRuntime.Postgres).
 */
final class SuiteDatabase {

    private final String databaseUrl;
    private final String databaseUser;
    private final String databasePassword;

    SuiteDatabase(LocalSuite suite) {
        this.databaseUrl = parameter(suite, "PaymentsDatabaseUrl");
        this.databaseUser = parameter(suite, "PaymentsDatabaseUsername");
        this.databasePassword = parameter(suite, "PaymentsDatabasePassword");
    }

    /** Runs SQL against the database, as a test that installs or drops something does. */
    void execute(String sql) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The rows of a query, each column as text. */
    List<List<String>> query(String sql, String... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getString(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Samples, every few milliseconds until closed, how many connections a service holds open to the database
     * ({@code pg_stat_activity} rows with the application name the service sets), and keeps the highest count.
     */
    ConnectionSampler sampleConnections(String applicationName) {
        return new ConnectionSampler(applicationName);
    }

    final class ConnectionSampler implements AutoCloseable {

        private final AtomicInteger peak = new AtomicInteger();
        private final Thread sampler;
        private volatile boolean running = true;

        private final String applicationName;

        private ConnectionSampler(String applicationName) {
            this.applicationName = applicationName;
            sampler = Thread.ofVirtual().name("pg-connection-sampler").start(this::sample);
        }

        private void sample() {
            try (Connection connection = connect();
                    PreparedStatement count = connection.prepareStatement(
                            "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
                count.setString(1, applicationName);
                while (running) {
                    try (ResultSet result = count.executeQuery()) {
                        result.next();
                        peak.accumulateAndGet(result.getInt(1), Math::max);
                    }
                    Thread.sleep(5);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot sample pg_stat_activity", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int peak() {
            return peak.get();
        }

        @Override
        public void close() {
            running = false;
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
    }

    private static String parameter(LocalSuite suite, String name) {
        return suite.stack().intrinsics().resolveString(Map.of("Ref", name));
    }
}
