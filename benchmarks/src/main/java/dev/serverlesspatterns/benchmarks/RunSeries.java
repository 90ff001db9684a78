package dev.serverlesspatterns.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** The runs of one subject (a function, its SDK floor or its plain-Java floor). */
final class RunSeries {

    private final List<RunResult> runs = new ArrayList<>();

    void add(RunResult run) {
        runs.add(run);
    }

    int attempted() {
        return runs.size();
    }

    List<RunResult.Measured> measured() {
        return runs.stream()
                .filter(RunResult.Measured.class::isInstance)
                .map(RunResult.Measured.class::cast)
                .toList();
    }

    List<RunResult.Failed> failures() {
        return runs.stream()
                .filter(RunResult.Failed.class::isInstance)
                .map(RunResult.Failed.class::cast)
                .toList();
    }

    Optional<Summary> wallMs() {
        return summary(RunResult.Measured::wallMs);
    }

    Optional<Summary> firstResponseMs() {
        return summary(run -> run.probe().firstResponseMs());
    }

    Optional<Summary> initMs() {
        return summary(run -> run.probe().initMs());
    }

    Optional<Summary> invokeMs() {
        return summary(run -> run.probe().invokeMs());
    }

    /** Primed runs only: the checkpoint and restore hooks of the org.crac resources. */
    Optional<Summary> primeMs() {
        List<Long> values = measured().stream()
                .filter(run -> run.probe().primeMs().isPresent())
                .map(run -> run.probe().primeMs().getAsLong())
                .toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(Summary.of(values));
    }

    /** Each run's median of its warm invokes, in ms (fractional: a warm invoke may take less than one). */
    Optional<Summary> warmInvokeMs() {
        List<Double> values = measured().stream()
                .filter(run -> run.probe().warmMedianUs().isPresent())
                .map(run -> run.probe().warmMedianUs().getAsLong() / 1000.0)
                .toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(Summary.of(values));
    }

    /**
     * The first invoke against the same JVM's warm median, per run, then summarized: what the first request costs
     * beyond a warm one (priming's goal is at most 2×).
     */
    Optional<Summary> firstOverWarm() {
        List<Double> values = measured().stream()
                .filter(run -> run.probe().warmMedianUs().isPresent()
                        && run.probe().warmMedianUs().getAsLong() > 0)
                .map(run -> run.probe().invokeMs()
                        * 1000.0
                        / run.probe().warmMedianUs().getAsLong())
                .toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(Summary.of(values));
    }

    Optional<Summary> peakRssMb() {
        List<Double> megabytes = measured().stream()
                .filter(run -> run.probe().rssKb() != PeakRss.UNKNOWN)
                .map(run -> run.probe().rssKb() / 1024.0)
                .toList();
        return megabytes.isEmpty() ? Optional.empty() : Optional.of(Summary.of(megabytes));
    }

    /** {@code 201 ×1, 409 ×4}: what the answers were, in the order they first came. */
    String outcomes() {
        Map<String, Long> counts = measured().stream()
                .collect(
                        Collectors.groupingBy(run -> run.probe().outcome(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .map(outcome -> outcome.getKey() + " ×" + outcome.getValue())
                .collect(Collectors.joining(", "));
    }

    private Optional<Summary> summary(ToLongFunction<RunResult.Measured> metric) {
        List<Long> values =
                measured().stream().map(run -> metric.applyAsLong(run)).toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(Summary.of(values));
    }
}
