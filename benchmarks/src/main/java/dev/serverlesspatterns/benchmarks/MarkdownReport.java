package dev.serverlesspatterns.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The report file: how the run was made, the results table, failed runs, and how to run it again. */
final class MarkdownReport {

    /**
     * @param toolOptions the template's {@code JAVA_TOOL_OPTIONS}, if it sets any
     * @param artifacts one line per Lambda artifact: path, size, build time
     * @param source git revision of the measured code
     */
    record Setup(
            LocalDate date,
            MachineInfo machine,
            List<String> jvmOptions,
            Optional<String> toolOptions,
            boolean withToolOptions,
            int runs,
            String emulator,
            String source,
            List<String> artifacts,
            String command,
            String runLogs,
            Duration took) {}

    private static final String DASH = "—";

    private MarkdownReport() {}

    static String render(Setup setup, List<FunctionResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("# Cold starts, ").append(setup.date()).append("\n\n");
        out.append("Each function of `infra/template.yaml` was started ")
                .append(setup.runs())
                .append(setup.runs() == 1 ? " time" : " times")
                .append(" in a fresh JVM from its Lambda artifact, with its template environment, answering one")
                .append(" event from its service's fixtures; its plain-Java floor (Jackson 3 parsing the same event,")
                .append(" no Spring) was started as often, alternating with it. What this does and does not tell")
                .append(" about Lambda: [benchmarks/README.md](../README.md).\n\n");

        out.append("## Setup\n\n");
        MachineInfo machine = setup.machine();
        out.append("- Machine: ")
                .append(machine.cpu())
                .append(", ")
                .append(machine.cores())
                .append(" cores, ")
                .append(machine.memory())
                .append("; load average at start ")
                .append(machine.loadAverage())
                .append('\n');
        out.append("- OS: ").append(machine.os()).append('\n');
        out.append("- JDK (`java -version`):\n\n");
        machine.javaVersion().forEach(line -> out.append("      ").append(line).append('\n'));
        out.append('\n');
        out.append("- JVM flags: `")
                .append(String.join(" ", setup.jvmOptions()))
                .append('`');
        setup.toolOptions()
                .ifPresent(toolOptions -> out.append(
                        setup.withToolOptions()
                                ? ", plus the template's `JAVA_TOOL_OPTIONS=" + toolOptions + "`"
                                : "; the template's `JAVA_TOOL_OPTIONS=" + toolOptions
                                        + "` not applied (`--with-tool-options` applies it)"));
        out.append('\n');
        out.append("- Runs: ")
                .append(setup.runs())
                .append(" per function and ")
                .append(setup.runs())
                .append(" per floor; medians, with (min–max)\n");
        out.append("- AWS emulator: ").append(setup.emulator()).append('\n');
        out.append("- Source: ").append(setup.source()).append('\n');
        out.append("- Lambda artifacts:\n");
        setup.artifacts()
                .forEach(artifact -> out.append("  - ").append(artifact).append('\n'));
        out.append("- Whole benchmark took ")
                .append(humanDuration(setup.took()))
                .append('\n');
        out.append('\n');

        out.append("## Results\n\n");
        out.append(table(results)).append('\n');
        out.append("""
                - **Wall ms**: the whole process, from starting the JVM to its exit, measured by the parent (includes \
                the context shutdown after the answer).
                - **First response ms**: from the JVM's start (`RuntimeMXBean.getStartTime()`) to the handler's \
                first answer: the cold start a caller waits for.
                - **Init + first invoke ms**: the handler's construction (for Spring Cloud Function the whole Spring \
                context, what SnapStart snapshots) and its first `handleRequest` (what stays cold after a restore \
                unless primed).
                - **Peak RSS MB**: the process's high-water mark (`VmHWM`).
                - **Answers**: the HTTP status (or policy effect) of each run's answer; the emulator keeps state \
                across runs, so a create answered 201 once may answer 409 after.
                """);
        out.append('\n');

        List<FunctionResult> withFailures =
                results.stream().filter(result -> result.failedRuns() > 0).toList();
        if (!withFailures.isEmpty()) {
            out.append("## Failed runs\n\n");
            for (FunctionResult result : withFailures) {
                appendFailures(out, result.logicalId(), result.function());
                appendFailures(out, result.logicalId() + " floor", result.floor());
            }
        }

        out.append("## Reproduce\n\n```bash\n").append(setup.command()).append("\n```\n\n");
        out.append("Each JVM's stdout and stderr are kept in `")
                .append(setup.runLogs())
                .append("` until the next run.\n");
        return out.toString();
    }

    static String table(List<FunctionResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(
                "| Function | Runs | Wall ms | First response ms | Init + first invoke ms | Peak RSS MB | Answers |\n");
        out.append("|---|--:|--:|--:|--:|--:|---|\n");
        for (FunctionResult result : results) {
            String name = "**" + result.logicalId() + "**"
                    + result.fixture()
                            .map(fixture -> " `" + fixture.substring(fixture.lastIndexOf('/') + 1) + "`")
                            .orElse("");
            if (result.notBenchmarked().isPresent()) {
                row(
                        out,
                        name,
                        DASH,
                        DASH,
                        DASH,
                        DASH,
                        DASH,
                        result.notBenchmarked().get());
                continue;
            }
            seriesRow(out, name, result.function());
            seriesRow(out, "↳ plain-Java floor", result.floor());
            row(
                    out,
                    "↳ function / floor",
                    "",
                    ratio(result, RunSeries::wallMs),
                    ratio(result, RunSeries::firstResponseMs),
                    "",
                    ratio(result, RunSeries::peakRssMb),
                    "");
        }
        return out.toString();
    }

    private static void seriesRow(StringBuilder out, String name, RunSeries series) {
        String initAndInvoke = series.initMs().isPresent() && series.invokeMs().isPresent()
                ? Math.round(series.initMs().get().median()) + " + "
                        + Math.round(series.invokeMs().get().median())
                : DASH;
        row(
                out,
                name,
                series.measured().size() + "/" + series.attempted(),
                series.wallMs().map(Summary::format).orElse(DASH),
                series.firstResponseMs().map(Summary::format).orElse(DASH),
                initAndInvoke,
                series.peakRssMb().map(Summary::format).orElse(DASH),
                series.outcomes().isEmpty() ? DASH : series.outcomes());
    }

    private static String ratio(FunctionResult result, Function<RunSeries, Optional<Summary>> metric) {
        Optional<Summary> function = metric.apply(result.function());
        Optional<Summary> floor = metric.apply(result.floor());
        if (function.isEmpty() || floor.isEmpty()) {
            return DASH;
        }
        return String.format(Locale.ROOT, "%.1f×", function.get().ratioTo(floor.get()));
    }

    private static void row(StringBuilder out, String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static void appendFailures(StringBuilder out, String subject, RunSeries series) {
        List<RunResult.Failed> failures = series.failures();
        for (int i = 0; i < failures.size(); i++) {
            RunResult.Failed failure = failures.get(i);
            out.append("- ")
                    .append(subject)
                    .append(", failure ")
                    .append(i + 1)
                    .append(": ")
                    .append(failure.reason())
                    .append("\n\n  ```\n");
            failure.logTail()
                    .lines()
                    .forEach(line -> out.append("  ").append(line).append('\n'));
            out.append("  ```\n\n");
        }
    }

    static String humanDuration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}
