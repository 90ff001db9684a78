package dev.serverlesspatterns.benchmarks;

import dev.serverlesspatterns.local.template.FunctionDefinition;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.crac.Core;

/**
 * A template function's handler in a fresh JVM, started the way the Lambda Java runtime starts it: its Lambda artifact
 * ({@code <service>-aws.jar}) on the class path, the handler class constructed with its no-arg constructor, in an
 * environment built from scratch ({@link ChildJvm#environment}). The cold-start benchmark starts it through one
 * invocation; the end-to-end check that init needs no network starts it through init only.
 */
public final class FunctionJvm {

    /**
     * Primed runs start with it: org.crac then hands every registration and the checkpoint to the stand-in in
     * {@code dev.serverlesspatterns.benchmarks.crac}, as a CRaC JDK or Lambda's runtime would get them.
     */
    static final String CRAC_COMPAT = "-Dorg.crac.Core.Compat=dev.serverlesspatterns.benchmarks.crac";

    private final ChildJvm jvm;
    private final ChildJvm primedJvm;
    private final Path probeJar;

    /**
     * @param probeJar {@code benchmarks-probe.jar}: {@link InvokeOnce} and what it needs, nothing else
     * @param timeout how long a JVM may run before it counts as failed
     * @param logDirectory where each JVM's stdout and stderr go
     */
    public FunctionJvm(Path probeJar, Duration timeout, Path logDirectory) {
        this(probeJar, List.of(), timeout, logDirectory);
    }

    /**
     * @param extraJvmOptions added after the benchmark's own ({@code --jvm-option}), to try a flag on the functions
     */
    FunctionJvm(Path probeJar, List<String> extraJvmOptions, Duration timeout, Path logDirectory) {
        if (!Files.isRegularFile(probeJar)) {
            throw new IllegalStateException(probeJar + " is missing: build it with ./mvnw -pl benchmarks package");
        }
        this.probeJar = probeJar.toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> options = Stream.concat(ColdStartBenchmark.JVM_OPTIONS.stream(), extraJvmOptions.stream())
                .toList();
        this.jvm = new ChildJvm(java, options, timeout, logDirectory);
        this.primedJvm = new ChildJvm(
                java, Stream.concat(options.stream(), Stream.of(CRAC_COMPAT)).toList(), timeout, logDirectory);
    }

    /**
     * The environment of a function's JVM: the machine basics, the function's template variables
     * ({@code JAVA_TOOL_OPTIONS} only when asked for), then the AWS endpoint's variables.
     */
    public static Map<String, String> environment(
            Map<String, String> template, Map<String, String> awsEndpoint, boolean withToolOptions) {
        return ChildJvm.environment(System.getenv(), template, awsEndpoint, withToolOptions);
    }

    /**
     * Init, then one invocation with the event file, as the first request of a cold execution environment; then
     * {@code warmInvokes} more of the same event. Primed, org.crac's checkpoint and restore hooks run
     * between init and the first invocation; org.crac then follows the function's jar on the class path, so a jar
     * that brings its own keeps it.
     */
    RunResult invoke(
            String label,
            FunctionDefinition function,
            Map<String, String> environment,
            Path event,
            String name,
            boolean primed,
            int warmInvokes) {
        List<Path> classpath = primed
                ? List.of(function.codeUri(), probeJar, jarOf(Core.class))
                : List.of(function.codeUri(), probeJar);
        List<String> arguments = new ArrayList<>();
        if (primed) {
            arguments.add("--primed");
        }
        arguments.addAll(
                List.of("--warm", Integer.toString(warmInvokes), handlerClass(function), event.toString(), name));
        return (primed ? primedJvm : jvm).run(label, classpath, InvokeOnce.class.getName(), arguments, environment);
    }

    /** Only the handler's construction, which is what SnapStart runs while {@code sam deploy} publishes a version. */
    public RunResult initialize(String label, FunctionDefinition function, Map<String, String> environment) {
        return jvm.run(
                label,
                List.of(function.codeUri(), probeJar),
                InvokeOnce.class.getName(),
                List.of(handlerClass(function)),
                environment);
    }

    /** {@code target/benchmarks-probe.jar}, next to the benchmark's own jar or classes folder. */
    public static Path defaultProbeJar() {
        return jarOf(FunctionJvm.class).getParent().resolve("benchmarks-probe.jar");
    }

    /** The jar (or classes folder) a class was loaded from. */
    static Path jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            if (source == null) {
                throw new IllegalArgumentException("no code source");
            }
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException nested) {
            throw new IllegalStateException(
                    "Cannot locate the jar of " + type.getName()
                            + ": run the benchmark from a plain classpath (benchmarks/cold-start does)",
                    nested);
        }
    }

    private static String handlerClass(FunctionDefinition function) {
        return function.handler().split("::")[0];
    }
}
