package dev.serverlesspatterns.reporting;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Looks straight into the read model, past the functions, with the URL and secret the template gives them. */
public final class ReadModelDatabase {

    private final JdbcClient jdbc;

    public ReadModelDatabase(ProvisionedStack stack) {
        Map<String, String> environment = stack.environment("ReplicateOrdersFunction");
        JsonNode secret = JsonMapper.builder().build().readTree(stack.secretString("ReportingDatabaseSecret"));
        this.jdbc = JdbcClient.create(new DriverManagerDataSource(
                environment.get("SPRING_DATASOURCE_URL"),
                secret.get("username").asString(),
                secret.get("password").asString()));
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** The row's version and whether it is a tombstone, or null when the read model has no row. */
    public Map<String, Object> order(String orderId) {
        return jdbc
                .sql("SELECT version, deleted, status FROM reporting.orders WHERE order_id = ?")
                .param(orderId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
    }
}
