package dev.serverlesspatterns.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Median, minimum and maximum of a few measurements: the median because one slow start must not move it. */
record Summary(double median, double min, double max, int count) {

    static Summary of(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Nothing to summarize");
        }
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return new Summary(median, sorted.getFirst(), sorted.getLast(), sorted.size());
    }

    /** How many times this median is the other's: {@code 4800 ms} against a {@code 600 ms} floor is {@code 8.0}. */
    double ratioTo(Summary floor) {
        return floor.median == 0 ? Double.NaN : median / floor.median;
    }

    /** {@code 4812 (4630–5230)}, or just the value for a single measurement. */
    String format() {
        if (count == 1 || min == max) {
            return round(median);
        }
        return round(median) + " (" + round(min) + "–" + round(max) + ")";
    }

    /** {@code 4.2 (3.9–5.1)}: for values of a few units, where rounding to whole ones would hide the spread. */
    String formatTenths() {
        if (count == 1 || min == max) {
            return tenths(median);
        }
        return tenths(median) + " (" + tenths(min) + "–" + tenths(max) + ")";
    }

    private static String tenths(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value));
    }
}
