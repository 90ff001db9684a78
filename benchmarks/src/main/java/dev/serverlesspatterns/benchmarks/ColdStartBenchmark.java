package dev.serverlesspatterns.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.serverlesspatterns.lambda.InvocationContext;
import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.emulator.AwsEmulators;
import dev.serverlesspatterns.local.engines.Engine;
import dev.serverlesspatterns.local.engines.Engines;
import dev.serverlesspatterns.local.engines.PostgresParameters;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the cold start of every function in infra/template.yaml: for each, N fresh JVMs run its Lambda
 * artifact through {@link InvokeOnce} with one fixture event, alternating with N JVMs of its SDK floor
 * ({@link SdkFloorHandler} through {@link InvokeOnce}) and N of its {@link PlainJavaFloor}. Prints the table and writes {@code benchmarks/reports/cold-start-<date>.md}.
 * Run it through {@code benchmarks/cold-start}; README.md explains what the figures mean.
 */
public final class ColdStartBenchmark {

    static final String STACK_NAME = "bench";
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC");
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    private static final Logger log = LoggerFactory.getLogger(ColdStartBenchmark.class);
    /** The table, on stdout without timestamps, so it can be pasted as it is. */
    private static final Logger table = LoggerFactory.getLogger("report");

    private final BenchmarkOptions options;
    private final SamTemplate template;
    private final Path repository;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    ColdStartBenchmark(BenchmarkOptions options, SamTemplate template) {
        this.options = options;
        this.template = template;
        this.repository = template.directory().getParent();
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException wrongUsage) {
            log.error("{}\n{}", wrongUsage.getMessage(), BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            table.info(BenchmarkOptions.USAGE);
            return;
        }
        List<FunctionResult> results = new ColdStartBenchmark(options, SamTemplate.ofRepository()).run();
        boolean anyFailed = results.stream().anyMatch(result -> result.failedRuns() > 0);
        boolean noneMeasured =
                results.stream().allMatch(result -> result.notBenchmarked().isPresent());
        System.exit(anyFailed || noneMeasured ? 1 : 0);
    }

    List<FunctionResult> run() {
        Instant started = Instant.now();
        List<FunctionDefinition> functions = selectedFunctions();
        Path probeJar =
                options.probeJar().orElseGet(FunctionJvm::defaultProbeJar).toAbsolutePath();
        Path runLogs = repository.resolve("benchmarks/target/cold-start-runs");
        FunctionJvm functionJvm = new FunctionJvm(probeJar, options.jvmOptions(), RUN_TIMEOUT, runLogs);
        List<Path> floorClasspath = List.of(
                probeJar,
                FunctionJvm.jarOf(JsonMapper.class),
                FunctionJvm.jarOf(JsonParser.class),
                FunctionJvm.jarOf(JsonProperty.class));
        Floors floors = new Floors(
                new ChildJvm(java, JVM_OPTIONS, RUN_TIMEOUT, runLogs),
                floorClasspath,
                sdkFloorClasspath(probeJar, floorClasspath));
        MachineInfo machine = MachineInfo.describe(java);
        log.info(
                "{} functions, {} runs each; {} cores; JVMs from {}",
                functions.size(),
                options.runs(),
                machine.cores(),
                java);

        List<FunctionResult> results = new ArrayList<>();
        String emulatorDescription;
        Optional<String> toolOptions;
        log.info("Starting the AWS emulator and provisioning {}", template.file());
        Optional<PostgresParameters> postgres = PostgresParameters.of(template);
        try (AwsEmulator emulator = AwsEmulators.start(System.getenv());
                Engine database = postgres.isPresent() ? Engines.postgres(System.getenv()) : null) {
            emulatorDescription = emulator.endpoint().description();
            log.info("AWS emulator: {}", emulatorDescription);
            Map<String, String> parameters = Map.of();
            if (database != null) {
                log.info("Postgres: {}", database.description());
                parameters = postgres.get().filledFrom(database, parameters);
            }
            Stack stack = Provisioner.provision(template, emulator.endpoint(), STACK_NAME, parameters);
            toolOptions = functions.stream()
                    .map(function -> function.environment(stack.intrinsics()).get(ChildJvm.TOOL_OPTIONS))
                    .filter(Objects::nonNull)
                    .findFirst();
            for (int i = 0; i < functions.size(); i++) {
                String position = "[" + (i + 1) + "/" + functions.size() + "]";
                results.add(benchmark(position, functions.get(i), stack, functionJvm, floors));
            }
        }
        Duration took = Duration.between(started, Instant.now());

        MarkdownReport.Setup setup = new MarkdownReport.Setup(
                LocalDate.now(),
                machine,
                JVM_OPTIONS,
                options.jvmOptions(),
                toolOptions,
                options.withToolOptions(),
                options.primed(),
                options.warmInvokes(),
                options.runs(),
                emulatorDescription.replaceAll(" at http://127\\.0\\.0\\.1:\\d+", " on a loopback port"),
                sourceRevision(),
                artifacts(functions),
                reproduceCommand(),
                repository.relativize(runLogs).toString(),
                took);
        table.info("\n{}", MarkdownReport.table(results));
        Path report = writeReport(setup, MarkdownReport.render(setup, results));
        log.info("Took {}; report written to {}", MarkdownReport.humanDuration(took), report);
        return results;
    }

    /**
     * How the floors start: the plain-Java floor with the probe jar and Jackson only, the SDK floor with the SDK jars
     * ({@code target/sdk-floor-lib}) and the Lambda context besides.
     */
    private record Floors(ChildJvm jvm, List<Path> plainClasspath, List<Path> sdkClasspath) {}

    private static List<Path> sdkFloorClasspath(Path probeJar, List<Path> floorClasspath) {
        Path sdkLibrary = probeJar.resolveSibling("sdk-floor-lib");
        List<Path> classpath = new ArrayList<>(floorClasspath);
        classpath.add(FunctionJvm.jarOf(RequestStreamHandler.class));
        classpath.add(FunctionJvm.jarOf(InvocationContext.class));
        try (Stream<Path> jars = Files.list(sdkLibrary)) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(classpath::add);
        } catch (IOException e) {
            // Advice in an error, not a switched-off test: the benchmark needs only the built jars; the tests run in
            // ./mvnw verify.
            throw new UncheckedIOException(
                    sdkLibrary + " is missing: build it with ./mvnw -pl benchmarks -am package -DskipTests", e);
        }
        return List.copyOf(classpath);
    }

    private FunctionResult benchmark(
            String position, FunctionDefinition function, Stack stack, FunctionJvm functionJvm, Floors floors) {
        String name = function.logicalId();
        String definition = function.functionDefinition(stack.intrinsics());
        Path eventsDirectory = EventFixtures.eventsDirectoryOf(function.codeUri());
        Optional<Path> fixture = EventFixtures.locate(eventsDirectory, definition);
        if (fixture.isEmpty()) {
            String expected = relative(eventsDirectory.resolve(EventFixtures.fileName(definition)));
            log.warn("{} {}: no fixture, looked for {} (and one folder deeper)", position, name, expected);
            return FunctionResult.skipped(name, "no fixture: `" + expected + "`");
        }
        if (!Files.isRegularFile(function.codeUri())) {
            log.warn("{} {}: not built, {} is missing", position, name, relative(function.codeUri()));
            return FunctionResult.skipped(name, "not built: `" + relative(function.codeUri()) + "`");
        }
        Map<String, String> environment = ChildJvm.environment(
                System.getenv(),
                function.environment(stack.intrinsics()),
                stack.endpoint().environment(),
                options.withToolOptions());
        String event = fixture.get().toString();
        Optional<SdkFloorCalls.FunctionCalls> calls = SdkFloorCalls.of(name);
        if (calls.isEmpty()) {
            log.warn("{} {}: no SDK floor, its calls are not declared in SdkFloorCalls", position, name);
        }
        Map<String, String> sdkFloorEnvironment = new TreeMap<>(environment);
        calls.ifPresent(
                declared -> sdkFloorEnvironment.put(AwsCall.ENVIRONMENT_VARIABLE, AwsCall.specs(declared.calls())));
        List<String> warm = List.of("--warm", Integer.toString(options.warmInvokes()));
        FunctionResult result = FunctionResult.measuring(name, relative(fixture.get()));
        for (int run = 1; run <= options.runs(); run++) {
            String of = " " + run + "/" + options.runs();
            RunResult measured = functionJvm.invoke(
                    name + "-function-" + run,
                    function,
                    environment,
                    fixture.get(),
                    stack.ref(name),
                    options.primed(),
                    options.warmInvokes());
            result.function().add(measured);
            progress(position + " " + name + " run" + of, measured);

            if (calls.isPresent()) {
                List<String> arguments = new ArrayList<>(warm);
                arguments.addAll(List.of(SdkFloorHandler.class.getName(), event, stack.ref(name)));
                RunResult sdkFloor = floors.jvm()
                        .run(
                                name + "-sdk-floor-" + run,
                                floors.sdkClasspath(),
                                InvokeOnce.class.getName(),
                                arguments,
                                sdkFloorEnvironment);
                result.sdkFloor().add(sdkFloor);
                progress(position + " " + name + " SDK floor" + of, sdkFloor);
            }

            RunResult floor = floors.jvm()
                    .run(
                            name + "-floor-" + run,
                            floors.plainClasspath(),
                            PlainJavaFloor.class.getName(),
                            List.of(event),
                            environment);
            result.floor().add(floor);
            progress(position + " " + name + " floor" + of, floor);
        }
        return result;
    }

    private static void progress(String label, RunResult run) {
        switch (run) {
            case RunResult.Measured measured ->
                log.info(
                        "{}: {} s, {} MB (first response {} s, {})",
                        label,
                        seconds(measured.wallMs()),
                        measured.probe().rssKb() / 1024,
                        seconds(measured.probe().firstResponseMs()),
                        measured.probe().outcome());
            case RunResult.Failed failed ->
                log.warn("{} FAILED: {}; its log ends with:\n{}", label, failed.reason(), failed.logTail());
        }
    }

    private List<FunctionDefinition> selectedFunctions() {
        List<FunctionDefinition> all = template.functions().stream()
                .sorted(Comparator.comparing((FunctionDefinition function) ->
                                function.codeUri().toString())
                        .thenComparing(FunctionDefinition::logicalId))
                .toList();
        if (options.functions().isEmpty()) {
            return all;
        }
        List<String> unknown = options.functions().stream()
                .filter(id ->
                        all.stream().noneMatch(function -> function.logicalId().equals(id)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("The template declares no function " + unknown);
        }
        return all.stream()
                .filter(function -> options.functions().contains(function.logicalId()))
                .toList();
    }

    private List<String> artifacts(List<FunctionDefinition> functions) {
        return functions.stream()
                .map(FunctionDefinition::codeUri)
                .distinct()
                .sorted()
                .map(this::describeArtifact)
                .toList();
    }

    private String describeArtifact(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return "`" + relative(jar) + "`: not built";
        }
        try {
            LocalDateTime built =
                    LocalDateTime.ofInstant(Files.getLastModifiedTime(jar).toInstant(), ZoneId.systemDefault());
            return String.format(
                    Locale.ROOT,
                    "`%s`: %.1f MB, built %s",
                    relative(jar),
                    Files.size(jar) / 1_000_000.0,
                    built.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    private String sourceRevision() {
        Optional<String> commit = Commands.output(repository, "git", "rev-parse", "--short", "HEAD");
        if (commit.isEmpty()) {
            return "not a git checkout";
        }
        TreeSet<String> changed = new TreeSet<>();
        for (String line :
                Commands.lines(Commands.output(repository, "git", "status", "--porcelain", "--untracked-files=all"))) {
            // "XY path" or "R  old -> new"; the first line may have lost its leading blank to trimming.
            String path = line.replaceFirst("^\\s*\\S{1,2}\\s+", "").replaceFirst(".* -> ", "");
            if (!path.startsWith("benchmarks/")) {
                String[] parts = path.split("/");
                changed.add(parts.length > 2 ? parts[0] + "/" + parts[1] : path);
            }
        }
        return "git " + commit.get()
                + (changed.isEmpty() ? "" : ", with uncommitted changes in " + String.join(", ", changed));
    }

    private String reproduceCommand() {
        StringBuilder command = new StringBuilder("benchmarks/cold-start --runs " + options.runs());
        if (options.withToolOptions()) {
            command.append(" --with-tool-options");
        }
        if (options.primed()) {
            command.append(" --primed");
        }
        if (options.warmInvokes() != BenchmarkOptions.DEFAULT_WARM_INVOKES) {
            command.append(" --warm ").append(options.warmInvokes());
        }
        options.jvmOptions().forEach(option -> command.append(" --jvm-option ").append(option));
        options.functions().forEach(function -> command.append(" --function ").append(function));
        return command.toString();
    }

    private Path writeReport(MarkdownReport.Setup setup, String markdown) {
        Path directory = options.reportDirectory().orElse(repository.resolve("benchmarks/reports"));
        Path file = directory.resolve(options.reportFileName(setup.date()));
        try {
            Files.createDirectories(directory);
            Files.writeString(file, markdown);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report " + file, e);
        }
    }

    private String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(repository) ? repository.relativize(absolute).toString() : absolute.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
