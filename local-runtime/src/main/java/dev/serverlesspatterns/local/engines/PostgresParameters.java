package dev.serverlesspatterns.local.engines;

import dev.serverlesspatterns.local.template.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The template's {@code Metadata.LocalRuntime.Postgres}: which parameters take the JDBC URL, user name and password
 * of the Postgres engine the local runtime starts (the RDS stand-in). A parameter the run overrides itself keeps
 * its override.
 */
public record PostgresParameters(String url, String username, String password) {

    public static Optional<PostgresParameters> of(SamTemplate template) {
        Map<String, Object> postgres =
                SamTemplate.section(SamTemplate.section(template.metadata(), "LocalRuntime"), "Postgres");
        return postgres.isEmpty()
                ? Optional.empty()
                : Optional.of(new PostgresParameters(
                        name(postgres, "UrlParameter"),
                        name(postgres, "UsernameParameter"),
                        name(postgres, "PasswordParameter")));
    }

    /** Whether the run overrides all three parameters itself, so it needs no engine of the local runtime's. */
    public boolean allIn(Map<String, String> overrides) {
        return overrides.containsKey(url) && overrides.containsKey(username) && overrides.containsKey(password);
    }

    public Map<String, String> filledFrom(Engine engine, Map<String, String> overrides) {
        Map<String, String> filled = new LinkedHashMap<>(overrides);
        filled.putIfAbsent(url, engine.url());
        filled.putIfAbsent(username, engine.username());
        filled.putIfAbsent(password, engine.password());
        return filled;
    }

    private static String name(Map<String, Object> postgres, String key) {
        Object name = postgres.get(key);
        if (name == null) {
            throw new IllegalStateException("Metadata.LocalRuntime.Postgres of the template names no " + key);
        }
        return String.valueOf(name);
    }
}
