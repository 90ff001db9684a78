package dev.serverlesspatterns.benchmarks;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code benchmarks/cold-start}.
 *
 * @param functions logical ids to benchmark; empty means every function of the template
 * @param reportDirectory empty means {@code benchmarks/reports} of the repository
 * @param probeJar empty means {@code benchmarks-probe.jar} next to the benchmark's own classes
 * @param primed run org.crac's checkpoint and restore hooks between each function's init and its first invoke
 * @param warmInvokes further invokes of the same event after the first, in the same JVM
 * @param jvmOptions added to every function JVM's options (not to the floors'), to try a flag
 */
record BenchmarkOptions(
        int runs,
        boolean withToolOptions,
        boolean primed,
        int warmInvokes,
        List<String> jvmOptions,
        List<String> functions,
        Optional<Path> reportDirectory,
        Optional<Path> probeJar,
        boolean help) {

    static final int DEFAULT_RUNS = 5;
    static final int DEFAULT_WARM_INVOKES = 10;

    static final String USAGE = """
            Usage: benchmarks/cold-start [options]
              --runs N               fresh JVMs per function and per floor (default 5)
              --with-tool-options    apply the template's JAVA_TOOL_OPTIONS to every JVM, as Lambda would
              --primed               between init and the first invoke, run every org.crac resource's
                                     beforeCheckpoint and afterRestore, as around a SnapStart snapshot
              --warm N               invokes of the same event after the first, in the same JVM (default 10)
              --jvm-option OPTION    add a JVM option to the function JVMs, not the floors' (repeatable),
                                     e.g. --jvm-option -XX:TieredStopAtLevel=1
              --function LOGICAL_ID  benchmark only this function (repeatable)
              --report-dir DIR       where the Markdown report goes (default benchmarks/reports)
              --probe-jar JAR        the jar with InvokeOnce and PlainJavaFloor (default target/benchmarks-probe.jar)
            Environment: SKIP_BUILD=1 skips the Maven build; AWS_ENDPOINT_URL or SUITE_AWS_EMULATOR pick the emulator.""";

    static BenchmarkOptions parse(String... args) {
        int runs = DEFAULT_RUNS;
        boolean withToolOptions = false;
        boolean primed = false;
        int warmInvokes = DEFAULT_WARM_INVOKES;
        boolean help = false;
        List<String> jvmOptions = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        Path reportDirectory = null;
        Path probeJar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = atLeast(1, "--runs", value(args, ++i, "--runs"));
                case "--with-tool-options" -> withToolOptions = true;
                case "--primed" -> primed = true;
                case "--warm" -> warmInvokes = atLeast(0, "--warm", value(args, ++i, "--warm"));
                case "--jvm-option" -> jvmOptions.add(value(args, ++i, "--jvm-option"));
                case "--function" -> functions.add(value(args, ++i, "--function"));
                case "--report-dir" -> reportDirectory = Path.of(value(args, ++i, "--report-dir"));
                case "--probe-jar" -> probeJar = Path.of(value(args, ++i, "--probe-jar"));
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return new BenchmarkOptions(
                runs,
                withToolOptions,
                primed,
                warmInvokes,
                List.copyOf(jvmOptions),
                List.copyOf(functions),
                Optional.ofNullable(reportDirectory),
                Optional.ofNullable(probeJar),
                help);
    }

    /**
     * {@code cold-start-2026-11-26.md} for the default run; a run with the tool options, primed, with extra JVM
     * options or of some functions only says so in its name, so it never replaces the day's full report.
     */
    String reportFileName(LocalDate date) {
        return "cold-start-" + date + (withToolOptions ? "-tool-options" : "") + (primed ? "-primed" : "")
                + (jvmOptions.isEmpty() ? "" : "-jvm-options") + (functions.isEmpty() ? "" : "-partial") + ".md";
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int atLeast(int minimum, String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number < minimum) {
                throw new IllegalArgumentException(option + " must be at least " + minimum + ", not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value, e);
        }
    }
}
