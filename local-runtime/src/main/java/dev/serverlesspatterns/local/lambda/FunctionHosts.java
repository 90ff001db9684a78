package dev.serverlesspatterns.local.lambda;

import dev.serverlesspatterns.local.ChildProcesses;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hosts every function of the template in the Boot app of its service. A function's {@code CodeUri} names its
 * Lambda artifact ({@code services/orders/target/orders-aws.jar}); the service's runnable Boot jar lies beside
 * it ({@code orders-exec.jar}) and serves all functions with that CodeUri, each picked by its
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION}.
 *
 * <p>Services start from a {@link StartupCache} (the jar extracted, plus a JDK AOT cache once trained); the caches
 * still missing are trained after the suite is ready ({@link #trainStartupCaches}).
 *
 * <p>Each service heals like a Lambda execution environment ({@link ServiceProcess}): a crash or a timeout comes back
 * as the function error Lambda reports, never as an exception, so every event source applies its own retry rules.
 */
public final class FunctionHosts implements LambdaInvoker, AutoCloseable {

    private static final String BOOT_JAR_SUFFIX = "-exec.jar";
    private static final String DEFINITION_VARIABLE = "SPRING_CLOUD_FUNCTION_DEFINITION";

    private final Stack stack;
    private final Map<String, HostedFunction> functions;
    private final List<ServiceProcess> services;
    private final Map<ServiceProcess, StartupCache> untrained;
    private final InvocationLog log = new InvocationLog();
    private final FunctionFaults faults = new FunctionFaults();
    private final Trainer trainer = new Trainer();

    private record HostedFunction(FunctionDefinition definition, String beanName, ServiceProcess service) {}

    private FunctionHosts(
            Stack stack,
            Map<String, HostedFunction> functions,
            List<ServiceProcess> services,
            Map<ServiceProcess, StartupCache> untrained) {
        this.stack = stack;
        this.functions = functions;
        this.services = services;
        this.untrained = untrained;
    }

    /**
     * Extracts the Boot jar of every service the template runs, unless already done for this build; the suite
     * calls it early so it overlaps the emulator's start.
     */
    public static void prepare(SamTemplate template) {
        if (!StartupCache.enabled()) {
            return;
        }
        Map<Path, String> services = new LinkedHashMap<>();
        template.functions().forEach(function -> services.putIfAbsent(function.codeUri(), function.serviceName()));
        // Two at a time: on a two-core laptop more only slow down the emulator starting beside them.
        try (ExecutorService extractor = Executors.newFixedThreadPool(2)) {
            services.forEach((artifact, service) ->
                    extractor.submit(() -> cacheOf(artifact, service).prepare(ChildProcesses.java())));
        }
    }

    /**
     * Starts one JVM per service, in parallel, and checks every template function against its service's beans.
     *
     * @param runtimeEnvironment variables every service gets besides its functions' own, such as where the local
     *     Lambda API answers
     */
    public static FunctionHosts start(
            Stack stack, Map<String, String> runtimeEnvironment, Path logDirectory, Consumer<String> progress) {
        Intrinsics intrinsics = stack.intrinsics();
        Map<Path, List<FunctionDefinition>> byArtifact = new LinkedHashMap<>();
        stack.template()
                .functions()
                .forEach(function -> byArtifact
                        .computeIfAbsent(function.codeUri(), uri -> new ArrayList<>())
                        .add(function));

        List<ServiceProcess> started = new ArrayList<>();
        Map<ServiceProcess, StartupCache> caches = new LinkedHashMap<>();
        Map<String, HostedFunction> hosted = new LinkedHashMap<>();
        try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<ServiceProcess, Future<Set<String>>> readiness = new LinkedHashMap<>();
            byArtifact.forEach((artifact, definitions) -> {
                String serviceName = definitions.getFirst().serviceName();
                StartupCache cache = preparedCache(artifact, serviceName, progress);
                List<String> launch = cache == null
                        ? List.of("-jar", bootJar(artifact, serviceName).toString())
                        : cache.launch(aotErrors(logDirectory, serviceName));
                ServiceProcess service = ServiceProcess.start(
                        serviceName,
                        launch,
                        serviceEnvironment(stack, runtimeEnvironment, definitions, intrinsics),
                        logDirectory);
                started.add(service);
                if (cache != null) {
                    caches.put(service, cache);
                }
                readiness.put(service, starter.submit(service::awaitReady));
                definitions.forEach(definition -> hosted.put(
                        definition.logicalId(),
                        new HostedFunction(definition, definition.functionDefinition(intrinsics), service)));
            });
            for (var entry : readiness.entrySet()) {
                Set<String> offered = entry.getValue().get();
                checkBeans(entry.getKey(), offered, hosted);
                progress.accept(entry.getKey().name() + " ready with " + new TreeSet<>(offered));
            }
            caches.entrySet()
                    .removeIf(entry -> usedTrainedCache(entry.getKey(), entry.getValue(), logDirectory, progress));
        } catch (RuntimeException failure) {
            started.forEach(ServiceProcess::close);
            throw failure;
        } catch (ExecutionException failure) {
            started.forEach(ServiceProcess::close);
            throw failure.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException("Services failed to start", failure.getCause());
        } catch (InterruptedException e) {
            started.forEach(ServiceProcess::close);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting services", e);
        }
        return new FunctionHosts(stack, Map.copyOf(hosted), List.copyOf(started), caches);
    }

    /**
     * Trains the AOT caches still missing, in the background, so the next start
     * uses them; the suite calls it once it is ready, and {@link #close()} cuts it short.
     */
    public void trainStartupCaches(Consumer<String> progress) {
        if (untrained.isEmpty() || !StartupCache.trains()) {
            return;
        }
        progress.accept("Training the start-up cache of " + untrained.size()
                + " services in the background, once per build; the next start uses it");
        trainer.start(untrained, progress);
    }

    @Override
    public InvocationResult invoke(String functionLogicalId, byte[] event) {
        HostedFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("The template declares no function " + functionLogicalId);
        }
        try (InvocationLog.Running running = log.started(functionLogicalId, event)) {
            int timeoutSeconds = function.definition().timeoutSeconds();
            Duration timeout = Duration.ofSeconds(timeoutSeconds);
            Optional<FunctionFaults.Fault> fault = faults.of(functionLogicalId);
            Duration delay = fault.map(FunctionFaults.Fault::delay).orElse(Duration.ZERO);
            if (delay.isPositive()) {
                // An injected delay runs on the function's clock: one as long as its Timeout ends as Lambda's timeout.
                sleep(delay.compareTo(timeout) < 0 ? delay : timeout);
                if (delay.compareTo(timeout) >= 0) {
                    return InvocationResult.timedOut(UUID.randomUUID().toString(), timeoutSeconds);
                }
            }
            if (fault.flatMap(FunctionFaults.Fault::failure).isPresent()) {
                return fault.get().failureResult();
            }
            return function.service()
                    .invoke(
                            function.beanName(),
                            stack.ref(functionLogicalId),
                            event,
                            timeoutSeconds,
                            timeout.minus(delay));
        }
    }

    public InvocationLog invocations() {
        return log;
    }

    /** The faults tests inject into these functions. */
    public FunctionFaults faults() {
        return faults;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during an injected delay", e);
        }
    }

    @Override
    public void close() {
        trainer.stop();
        services.forEach(ServiceProcess::close);
    }

    /** Whether the service started from a trained cache; an unusable one is discarded, so it is trained again. */
    private static boolean usedTrainedCache(
            ServiceProcess service, StartupCache cache, Path logDirectory, Consumer<String> progress) {
        if (!cache.trained()) {
            return false;
        }
        Path errors = aotErrors(logDirectory, service.name());
        if (StartupCache.usable(errors)) {
            return true;
        }
        progress.accept(service.name() + " started without its start-up cache, which the JVM could not use (see "
                + errors + "); training it again");
        cache.discard();
        return false;
    }

    /** The service's start-up cache, or null to start the Boot jar as it is: when disabled, or when it fails. */
    private static StartupCache preparedCache(Path artifact, String serviceName, Consumer<String> progress) {
        if (!StartupCache.enabled()) {
            return null;
        }
        StartupCache cache = cacheOf(artifact, serviceName);
        try {
            cache.prepare(ChildProcesses.java());
            return cache;
        } catch (RuntimeException failure) {
            // Only the start's speed depends on the cache: a read-only target/ must not stop the suite.
            progress.accept(
                    serviceName + " starts from its Boot jar: no start-up cache (" + failure.getMessage() + ")");
            return null;
        }
    }

    private static Path aotErrors(Path logDirectory, String serviceName) {
        return logDirectory.resolve(serviceName + ".aot-errors.log");
    }

    private static StartupCache cacheOf(Path artifact, String serviceName) {
        return StartupCache.of(bootJar(artifact, serviceName), ServiceProcess.JVM_OPTIONS);
    }

    /**
     * Trains caches in the background, two at a time (one per core of a small laptop; training runs yield the CPU
     * to the services); stopping it kills the training runs under way.
     */
    private static final class Trainer {

        private static final int AT_ONCE = 2;

        private final Object lock = new Object();
        private final Set<ServiceProcess> training = new HashSet<>();
        private ExecutorService threads;
        private boolean stopped;

        void start(Map<ServiceProcess, StartupCache> caches, Consumer<String> progress) {
            synchronized (lock) {
                if (stopped || threads != null) {
                    return;
                }
                threads = Executors.newFixedThreadPool(
                        AT_ONCE,
                        Thread.ofPlatform()
                                .name("startup-cache-trainer-", 1)
                                .daemon()
                                .factory());
                caches.forEach((service, cache) -> threads.submit(() -> train(service, cache, progress)));
                threads.shutdown();
            }
        }

        void stop() {
            ExecutorService running;
            synchronized (lock) {
                stopped = true;
                running = threads;
                training.forEach(ServiceProcess::cancel);
            }
            if (running != null) {
                try {
                    running.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void train(ServiceProcess service, StartupCache cache, Consumer<String> progress) {
            Path output = cache.trainingOutput();
            ServiceProcess run = service.trainingRun(cache.trainingLaunch(output), cache.directory());
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                training.add(run);
            }
            Instant started = Instant.now();
            try {
                run.train();
                if (!Files.isRegularFile(output)) {
                    throw new IllegalStateException("the JVM wrote no cache; see " + cache.directory());
                }
                cache.accept(output);
                progress.accept("Start-up cache of " + service.name() + " trained in "
                        + Duration.between(started, Instant.now()).toSeconds() + " s");
            } catch (RuntimeException failure) {
                if (!isStopped()) {
                    progress.accept("Start-up cache of " + service.name() + " not trained: " + failure.getMessage());
                }
            } finally {
                synchronized (lock) {
                    training.remove(run);
                }
                StartupCache.deleteQuietly(output);
            }
        }

        private boolean isStopped() {
            synchronized (lock) {
                return stopped;
            }
        }
    }

    private static void checkBeans(ServiceProcess service, Set<String> offered, Map<String, HostedFunction> hosted) {
        hosted.values().stream()
                .filter(function -> function.service() == service && !offered.contains(function.beanName()))
                .findFirst()
                .ifPresent(function -> {
                    throw new IllegalStateException("Template function "
                            + function.definition().logicalId() + " runs bean '" + function.beanName()
                            + "', but service " + service.name() + " offers only " + new TreeSet<>(offered));
                });
    }

    /** The environment the service's JVM starts with: what its functions declare, plus the emulator endpoint. */
    private static Map<String, String> serviceEnvironment(
            Stack stack,
            Map<String, String> runtimeEnvironment,
            List<FunctionDefinition> definitions,
            Intrinsics intrinsics) {
        Map<String, String> environment = new HashMap<>(stack.endpoint().environment());
        environment.putAll(runtimeEnvironment);
        Map<String, String> declaredBy = new HashMap<>();
        for (FunctionDefinition definition : definitions) {
            definition.environment(intrinsics).forEach((name, value) -> {
                if (name.equals(DEFINITION_VARIABLE)) {
                    return;
                }
                String previous = environment.putIfAbsent(name, value);
                if (previous != null && !previous.equals(value) && declaredBy.containsKey(name)) {
                    throw new IllegalStateException("Functions " + declaredBy.get(name) + " and "
                            + definition.logicalId() + " share a Boot app but disagree on " + name);
                }
                declaredBy.putIfAbsent(name, definition.logicalId());
            });
        }
        return environment;
    }

    private static Path bootJar(Path artifact, String serviceName) {
        Path bootJar = artifact.resolveSibling(serviceName + BOOT_JAR_SUFFIX);
        if (!Files.isRegularFile(bootJar)) {
            // The hint skips tests because running the suite needs only the jars; ./mvnw verify runs the tests.
            throw new IllegalStateException("Service " + serviceName + " is not built: " + bootJar
                    + " is missing. Build it first with ./mvnw -DskipTests package");
        }
        return bootJar;
    }
}
