package dev.serverlesspatterns.local.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An entry of the template's {@code Metadata.LocalRuntime.Apps}: an application the stack talks to but does not
 * deploy (a legacy monolith, a partner's sandbox), which the local runtime starts beside the services and whose URL
 * it passes to the stack as a parameter, as a deploy passes the URL of the application running next to the stack.
 *
 * @param name the entry's key, which also names its log file
 * @param jar its runnable jar, resolved against the template's folder like a {@code CodeUri}
 * @param urlParameter the template parameter that takes the app's base URL ({@code http://127.0.0.1:port})
 * @param healthPath the path that answers 200 once the app serves requests
 * @param postgres whether the app gets the Postgres engine as {@code SPRING_DATASOURCE_URL}, user and password
 */
public record CompanionAppDefinition(String name, Path jar, String urlParameter, String healthPath, boolean postgres) {

    static List<CompanionAppDefinition> of(Path templateDirectory, Map<String, Object> apps) {
        List<CompanionAppDefinition> definitions = new ArrayList<>();
        apps.forEach((name, value) -> {
            Map<String, Object> app = SamTemplate.asMap(value);
            Object database = app.get("Database");
            if (database != null && !database.equals("Postgres")) {
                throw new IllegalStateException("Metadata.LocalRuntime.Apps." + name + " asks for database " + database
                        + "; the local runtime provides Postgres only");
            }
            definitions.add(new CompanionAppDefinition(
                    name,
                    templateDirectory.resolve(required(app, name, "Jar")).normalize(),
                    required(app, name, "UrlParameter"),
                    required(app, name, "HealthPath"),
                    database != null));
        });
        return List.copyOf(definitions);
    }

    private static String required(Map<String, Object> app, String name, String key) {
        Object value = app.get(key);
        if (value == null) {
            throw new IllegalStateException("Metadata.LocalRuntime.Apps." + name + " names no " + key);
        }
        return String.valueOf(value);
    }
}
