package dev.serverlesspatterns.local.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Template parameter overrides for a test JVM, read from system properties {@code template.parameter.<Name>}
 * (for example Surefire's {@code systemPropertyVariables}), like {@code sam deploy --parameter-overrides}.
 */
public final class TemplateParameters {

    static final String PREFIX = "template.parameter.";

    private TemplateParameters() {}

    public static Map<String, String> fromSystemProperties() {
        Map<String, String> overrides = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX))
                .forEach(name -> overrides.put(name.substring(PREFIX.length()), System.getProperty(name)));
        return overrides;
    }
}
