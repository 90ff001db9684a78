package dev.serverlesspatterns.benchmarks;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a benchmarked JVM reports about itself, as the one line its parent parses:
 * {@code RESULT rss_kb=205312 first_response_ms=2710 init_ms=2050 invoke_ms=420 outcome=201}, optionally followed
 * by {@code prime_ms=310} (primed mode) and {@code warm_median_us=5400} (warm invokes after the first). A line
 * without the optional fields, as older probes print it, still parses.
 *
 * @param rssKb peak resident set size of the process (VmHWM), in kB
 * @param firstResponseMs from the JVM's start to the moment the handler returned its first answer
 * @param initMs the handler's construction (for Spring Cloud Function: the whole Spring context), the part
 *     of a cold start that SnapStart moves into the snapshot
 * @param invokeMs the first {@code handleRequest}: the part that stays cold after a restore unless primed
 * @param outcome what the answer was: an HTTP status code, {@code Allow}/{@code Deny} for an IAM policy,
 *     {@code ok} for anything else, or {@code error:<ExceptionType>}; never contains a space
 * @param primeMs primed mode: {@code beforeCheckpoint} and {@code afterRestore} of every org.crac resource, run
 *     between init and the first invoke, as around a SnapStart snapshot; then {@code invokeMs} is the first invoke
 *     after the restore
 * @param warmMedianUs the median of the further invokes of the same event in the same JVM, in microseconds
 */
public record ProbeResult(
        long rssKb,
        long firstResponseMs,
        long initMs,
        long invokeMs,
        String outcome,
        OptionalLong primeMs,
        OptionalLong warmMedianUs) {

    static final String MARKER = "RESULT";

    private static final Pattern STATUS_CODE = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d{3})");
    private static final Pattern POLICY_EFFECT = Pattern.compile("\"Effect\"\\s*:\\s*\"(Allow|Deny)\"");
    private static final List<String> KEYS = List.of("rss_kb", "first_response_ms", "init_ms", "invoke_ms", "outcome");

    public ProbeResult {
        if (outcome.isEmpty() || outcome.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("An outcome is one word, not '" + outcome + "'");
        }
    }

    /** A cold start without priming and without warm invokes. */
    public ProbeResult(long rssKb, long firstResponseMs, long initMs, long invokeMs, String outcome) {
        this(rssKb, firstResponseMs, initMs, invokeMs, outcome, OptionalLong.empty(), OptionalLong.empty());
    }

    /** HTTP status of an API Gateway answer, effect of an IAM policy, or {@code ok} for any other answer. */
    static String outcomeOf(String response) {
        Matcher status = STATUS_CODE.matcher(response);
        if (status.find()) {
            return status.group(1);
        }
        Matcher effect = POLICY_EFFECT.matcher(response);
        return effect.find() ? effect.group(1) : "ok";
    }

    String line() {
        return MARKER + " rss_kb=" + rssKb + " first_response_ms=" + firstResponseMs + " init_ms=" + initMs
                + " invoke_ms=" + invokeMs + " outcome=" + outcome
                + (primeMs.isPresent() ? " prime_ms=" + primeMs.getAsLong() : "")
                + (warmMedianUs.isPresent() ? " warm_median_us=" + warmMedianUs.getAsLong() : "");
    }

    /**
     * Writes the line to this process's standard output and flushes it. Standard output is the probe's
     * interface to its parent, so the line goes straight to file descriptor 1 through a stream of its own:
     * whatever the handler did to {@code System.out} (logging frameworks may replace or buffer it) cannot
     * swallow or split it.
     */
    void printToStdout() {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        stdout.println(line());
        stdout.flush();
    }

    /** The last result line among a process's output lines (the handler's own logging shares stdout). */
    static Optional<ProbeResult> lastIn(List<String> outputLines) {
        for (int i = outputLines.size() - 1; i >= 0; i--) {
            Optional<ProbeResult> result = parse(outputLines.get(i));
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }

    static Optional<ProbeResult> parse(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith(MARKER + " ")) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : trimmed.substring(MARKER.length()).strip().split("\\s+")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                fields.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        if (!fields.keySet().containsAll(KEYS) || fields.get("outcome").isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProbeResult(
                    Long.parseLong(fields.get("rss_kb")),
                    Long.parseLong(fields.get("first_response_ms")),
                    Long.parseLong(fields.get("init_ms")),
                    Long.parseLong(fields.get("invoke_ms")),
                    fields.get("outcome"),
                    optional(fields.get("prime_ms")),
                    optional(fields.get("warm_median_us"))));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    private static OptionalLong optional(String value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }
}
