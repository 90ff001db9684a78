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
     * @param functionJvmOptions {@code --jvm-option}s: added to the function JVMs only
     * @param toolOptions the template's {@code JAVA_TOOL_OPTIONS}, if it sets any
     * @param primed whether org.crac's checkpoint and restore hooks ran between init and first invoke
     * @param warmInvokes further invokes of the same event after the first, per function JVM
     * @param artifacts one line per Lambda artifact: path, size, build time
     * @param source git revision of the measured code
     */
    record Setup(
            LocalDate date,
            MachineInfo machine,
            List<String> jvmOptions,
            List<String> functionJvmOptions,
            Optional<String> toolOptions,
            boolean withToolOptions,
            boolean primed,
            int warmInvokes,
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
                .append(" event from its service's fixtures")
                .append(
                        setup.primed()
                                ? ", primed: org.crac's `checkpointRestore` ran every registered resource's"
                                        + " `beforeCheckpoint` and `afterRestore` between init and the first invoke,"
                                        + " as around a SnapStart snapshot (no real snapshot)"
                                : "")
                .append(
                        setup.warmInvokes() > 0
                                ? ", then " + setup.warmInvokes() + " warm invokes of the same event in the same JVM"
                                : "")
                .append(". Its SDK floor (a plain handler making the same AWS calls with the SDK, no Spring) and its")
                .append(
                        " plain-Java floor (Jackson 3 parsing the same event, no Spring, no SDK) were started as often,")
                .append(" alternating with it. What this does and does not tell about Lambda:")
                .append(" [benchmarks/README.md](../README.md).\n\n");

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
        if (!setup.functionJvmOptions().isEmpty()) {
            out.append("; the function JVMs (not the floors) also got `")
                    .append(String.join(" ", setup.functionJvmOptions()))
                    .append("` (`--jvm-option`)");
        }
        out.append('\n');
        out.append("- Mode: ")
                .append(setup.primed() ? "primed (`--primed`)" : "unprimed")
                .append(", ")
                .append(setup.warmInvokes())
                .append(" warm invokes after the first\n");
        out.append("- Runs: ")
                .append(setup.runs())
                .append(" per function and ")
                .append(setup.runs())
                .append(" per floor (SDK and plain-Java); medians, with (min–max)\n");
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
                - **SDK floor**: a plain `RequestStreamHandler`, no Spring, that parses the event with Jackson and \
                makes the function's AWS calls (below) with the AWS SDK v2 on the url-connection client, in its own \
                JVM. **function / SDK floor** is what the framework and our code add to the same work; \
                **function / floor** adds the SDK's own cost.
                - **Warm invoke ms**: the median of the warm invokes in one JVM, then the median over the runs. \
                **First / warm**: each run's first invoke divided by its own warm median (priming aims at 2× or \
                less).""");
        out.append('\n');
        out.append("""
                - **Wall ms**: the whole process, from starting the JVM to its exit, measured by the parent (includes \
                the warm invokes and the context shutdown after the answers).
                - **First response ms**: from the JVM's start (`RuntimeMXBean.getStartTime()`) to the handler's \
                first answer: the cold start a caller waits for.
                - **Init + first invoke ms**: the handler's construction (for Spring Cloud Function the whole Spring \
                context, what SnapStart snapshots) and its first `handleRequest` (what stays cold after a restore \
                unless primed). Primed: init + priming (checkpoint and restore hooks) + first invoke.
                - **Peak RSS MB**: the process's high-water mark (`VmHWM`).
                - **Answers**: the HTTP status (or policy effect) of each run's answer; the emulator keeps state \
                across runs, so a create answered 201 once may answer 409 after.
                """);
        out.append('\n');

        if (setup.primed()) {
            out.append("## Primed: restore to first response\n\n")
                    .append(primedTable(results))
                    .append('\n');
            out.append("""
                    Restore to first response: the first `handleRequest` after `afterRestore`. Locally there is no \
                    snapshot: no restore itself and no page-in of the restored memory, which Lambda adds (see the \
                    README).

                    """);
        }

        out.append("## SDK floor calls\n\n");
        results.forEach(result -> out.append("- ")
                .append(result.logicalId())
                .append(": ")
                .append(SdkFloorCalls.of(result.logicalId())
                        .map(SdkFloorCalls.FunctionCalls::describe)
                        .orElse("not declared"))
                .append('\n'));
        out.append('\n');

        List<FunctionResult> withFailures =
                results.stream().filter(result -> result.failedRuns() > 0).toList();
        if (!withFailures.isEmpty()) {
            out.append("## Failed runs\n\n");
            for (FunctionResult result : withFailures) {
                appendFailures(out, result.logicalId(), result.function());
                appendFailures(out, result.logicalId() + " SDK floor", result.sdkFloor());
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
        out.append("| Function | Runs | Wall ms | First response ms | Init + first invoke ms | Warm invoke ms"
                + " | First / warm | Peak RSS MB | Answers |\n");
        out.append("|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
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
                        DASH,
                        DASH,
                        result.notBenchmarked().get());
                continue;
            }
            seriesRow(out, name, result.function());
            seriesRow(out, "↳ SDK floor", result.sdkFloor());
            seriesRow(out, "↳ plain-Java floor", result.floor());
            ratioRow(out, "↳ function / SDK floor", result.function(), result.sdkFloor());
            ratioRow(out, "↳ function / floor", result.function(), result.floor());
        }
        return out.toString();
    }

    /** Primed mode: per function, what a caller would wait for after a restore, against a warm invoke. */
    static String primedTable(List<FunctionResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| Function | Prime ms | Restore to first response ms | Warm invoke ms | First / warm | ≤ 2× |\n");
        out.append("|---|--:|--:|--:|--:|---|\n");
        for (FunctionResult result : results) {
            RunSeries series = result.function();
            if (result.notBenchmarked().isPresent() || series.primeMs().isEmpty()) {
                continue;
            }
            Optional<Summary> firstOverWarm = series.firstOverWarm();
            row(
                    out,
                    "**" + result.logicalId() + "**",
                    series.primeMs().map(Summary::format).orElse(DASH),
                    series.invokeMs().map(Summary::format).orElse(DASH),
                    series.warmInvokeMs().map(Summary::formatTenths).orElse(DASH),
                    firstOverWarm.map(MarkdownReport::times).orElse(DASH),
                    firstOverWarm
                            .map(ratio -> ratio.median() <= 2 ? "yes" : "no")
                            .orElse(DASH));
        }
        return out.toString();
    }

    private static void seriesRow(StringBuilder out, String name, RunSeries series) {
        String initAndInvoke = series.initMs().isPresent() && series.invokeMs().isPresent()
                ? Math.round(series.initMs().get().median())
                        + series.primeMs()
                                .map(prime -> " + " + Math.round(prime.median()))
                                .orElse("")
                        + " + " + Math.round(series.invokeMs().get().median())
                : DASH;
        row(
                out,
                name,
                series.measured().size() + "/" + series.attempted(),
                series.wallMs().map(Summary::format).orElse(DASH),
                series.firstResponseMs().map(Summary::format).orElse(DASH),
                initAndInvoke,
                series.warmInvokeMs().map(Summary::formatTenths).orElse(DASH),
                series.firstOverWarm().map(MarkdownReport::times).orElse(DASH),
                series.peakRssMb().map(Summary::format).orElse(DASH),
                series.outcomes().isEmpty() ? DASH : series.outcomes());
    }

    private static void ratioRow(StringBuilder out, String name, RunSeries function, RunSeries floor) {
        row(
                out,
                name,
                "",
                ratio(function, floor, RunSeries::wallMs),
                ratio(function, floor, RunSeries::firstResponseMs),
                "",
                ratio(function, floor, RunSeries::warmInvokeMs),
                "",
                ratio(function, floor, RunSeries::peakRssMb),
                "");
    }

    private static String ratio(RunSeries function, RunSeries floor, Function<RunSeries, Optional<Summary>> metric) {
        Optional<Summary> functionValue = metric.apply(function);
        Optional<Summary> floorValue = metric.apply(floor);
        if (functionValue.isEmpty() || floorValue.isEmpty()) {
            return DASH;
        }
        return String.format(Locale.ROOT, "%.1f×", functionValue.get().ratioTo(floorValue.get()));
    }

    private static String times(Summary ratio) {
        return String.format(Locale.ROOT, "%.1f×", ratio.median());
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
