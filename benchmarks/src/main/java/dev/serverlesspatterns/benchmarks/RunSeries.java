package dev.serverlesspatterns.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** The runs of one subject (a function, or its plain-Java floor). */
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
