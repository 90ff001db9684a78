package dev.serverlesspatterns.platform.api;

import java.util.Map;

/** HTTP header names are case-insensitive, but API Gateway hands them over as the client spelled them. */
public final class Headers {

    private Headers() {}

    public static String first(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
