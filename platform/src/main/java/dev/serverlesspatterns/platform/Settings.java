package dev.serverlesspatterns.platform;

/**
 * Checks a required setting. Each function gets only the template variables it needs, so a service's properties
 * record may hold empty values; the bean that needs one checks it here when it is built, which is the first use
 * under lazy initialization, and the message names what to set.
 */
public final class Settings {

    private Settings() {}

    /**
     * @param property the Spring property, e.g. {@code orders.table-name}
     * @param environmentVariable the template's variable that feeds it, e.g. {@code ORDERS_TABLE}
     * @return the value, when it is not empty
     */
    public static String required(String value, String property, String environmentVariable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    property + " is empty: set the environment variable " + environmentVariable);
        }
        return value;
    }
}
