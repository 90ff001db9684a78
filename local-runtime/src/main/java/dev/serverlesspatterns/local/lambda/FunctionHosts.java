package dev.serverlesspatterns.local.lambda;

import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.Intrinsics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Hosts every function of the template in the Boot app of its service. A function's {@code CodeUri} names its
 * Lambda artifact ({@code services/orders/target/orders-aws.jar}); the service's runnable Boot jar lies beside
 * it ({@code orders-exec.jar}) and serves all functions with that CodeUri, each picked by its
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION}.
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
    private final InvocationLog log = new InvocationLog();

    private record HostedFunction(FunctionDefinition definition, String beanName, ServiceProcess service) {}

    private FunctionHosts(Stack stack, Map<String, HostedFunction> functions, List<ServiceProcess> services) {
        this.stack = stack;
        this.functions = functions;
        this.services = services;
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
        Map<String, HostedFunction> hosted = new LinkedHashMap<>();
        try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<ServiceProcess, Future<Set<String>>> readiness = new LinkedHashMap<>();
            byArtifact.forEach((artifact, definitions) -> {
                ServiceProcess service = ServiceProcess.start(
                        definitions.getFirst().serviceName(),
                        List.of(
                                "-jar",
                                bootJar(artifact, definitions.getFirst().serviceName())
                                        .toString()),
                        serviceEnvironment(stack, runtimeEnvironment, definitions, intrinsics),
                        logDirectory);
                started.add(service);
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
        return new FunctionHosts(stack, Map.copyOf(hosted), List.copyOf(started));
    }

    @Override
    public InvocationResult invoke(String functionLogicalId, byte[] event) {
        HostedFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("The template declares no function " + functionLogicalId);
        }
        try (InvocationLog.Running running = log.started(functionLogicalId)) {
            return function.service()
                    .invoke(
                            function.beanName(),
                            stack.ref(functionLogicalId),
                            event,
                            function.definition().timeoutSeconds());
        }
    }

    public InvocationLog invocations() {
        return log;
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
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
