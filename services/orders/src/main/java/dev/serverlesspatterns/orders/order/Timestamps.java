package dev.serverlesspatterns.orders.order;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Timestamps as stored: {@code Instant.toString()} drops trailing zero digits, and "…:30Z" sorts after
 * "…:30.5Z" as text, so the customer index needs a fixed width.
 */
final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSSSSSX", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String now(Clock clock) {
        return format(clock.instant());
    }

    static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    static boolean isWellFormed(String text) {
        try {
            return format(Instant.from(FORMAT.parse(text))).equals(text);
        } catch (DateTimeException malformed) {
            return false;
        }
    }
}
