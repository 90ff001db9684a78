package dev.serverlesspatterns.local.invoke;

import java.time.Duration;
import java.util.Objects;

/**
 * How long Lambda waits before retrying a failed asynchronous invocation: about one minute before the first
 * retry and two minutes before the second. The local suite keeps Lambda's delays; tests shorten them.
 */
public record RetryDelays(Duration beforeFirstRetry, Duration beforeSecondRetry) {

    public static final RetryDelays LAMBDA = new RetryDelays(Duration.ofMinutes(1), Duration.ofMinutes(2));

    public RetryDelays {
        Objects.requireNonNull(beforeFirstRetry, "beforeFirstRetry");
        Objects.requireNonNull(beforeSecondRetry, "beforeSecondRetry");
        if (beforeFirstRetry.isNegative() || beforeSecondRetry.isNegative()) {
            throw new IllegalArgumentException("Retry delays cannot be negative");
        }
    }

    /** Two ISO-8601 durations separated by a comma, such as {@code PT0.2S,PT0.4S}. */
    public static RetryDelays parse(String delays) {
        String[] parts = delays.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Retry delays are two durations like PT0.2S,PT0.4S, not " + delays);
        }
        return new RetryDelays(Duration.parse(parts[0].strip()), Duration.parse(parts[1].strip()));
    }

    /** @param retry 1 for the first retry, 2 for the second (Lambda retries at most twice) */
    Duration before(int retry) {
        return retry == 1 ? beforeFirstRetry : beforeSecondRetry;
    }
}
