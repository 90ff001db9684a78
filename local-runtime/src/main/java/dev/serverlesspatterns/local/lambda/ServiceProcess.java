package dev.serverlesspatterns.local.lambda;

import dev.serverlesspatterns.local.ChildProcesses;
import dev.serverlesspatterns.local.emulator.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service's Boot app in its own JVM, like its own Lambda execution environment: it runs with the template
 * environment of its functions and answers invocations on the platform's local Lambda endpoint (loopback only).
 *
 * <p>The service binds port 0 and writes the port it got to a file whose path it is given; the launcher never picks
 * a port for it, so two services can never be handed the same one.
 *
 * <p>It heals like Lambda: when the JVM dies, the invocations in flight end as {@code Runtime.ExitError} and the next
 * invocation starts a new JVM (a cold start). An invocation past its timeout ends as {@code Sandbox.Timedout}; its
 * late answer is never read, and the service interrupts the invocation's thread at the same deadline.
 *
 * <p>Unlike Lambda, a timeout does not discard the JVM. Lambda runs one invocation per execution environment, so
 * discarding it after a timeout harms no one else; here one JVM hosts every function of a service, so discarding it
 * would fail unrelated invocations in flight, and the cold start of its replacement (a minute on a busy two-core
 * laptop) would count against the next invocation's timeout, which could then time out too, again and again. The
 * cost: work of the timed-out invocation that ignores the interrupt may still finish, which is one more reason for
 * consumers to be idempotent. The JVM stops by itself when the JVM that launched it exits.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** All services start at once, so on a busy two-core laptop each may take minutes. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
    /** How long a failed connection waits for the JVM's exit to tell a crash from a refused request. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    /** A training run's JVM writes its AOT cache after it stops, which takes longer than its start. */
    private static final Duration TRAINING_EXIT_TIMEOUT = Duration.ofMinutes(15);

    /** Lambda's java25 runtime also stops at C1 (outside SnapStart), which shortens every start and restart. */
    static final List<String> JVM_OPTIONS =
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx384m", "-Xss512k");

    /** Training runs yield the CPU to the suite's services, which answer requests meanwhile. */
    private static final List<String> LOW_PRIORITY =
            Executables.onPath("nice") ? List.of("nice", "-n", "19") : List.of();

    private final String name;
    private final List<String> commandPrefix;
    private final List<String> launch;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Path portFile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The running JVM; replaced under this object's lock, read without it by {@link #close()}. */
    private volatile Instance current;

    private volatile boolean closed;

    /** One JVM of the service; {@code endpoint} is null until it has reported its port. */
    private record Instance(Process process, URI endpoint) {

        Instance ready(URI endpoint) {
            return new Instance(process, endpoint);
        }
    }

    private ServiceProcess(
            String name,
            List<String> commandPrefix,
            List<String> launch,
            Map<String, String> environment,
            Path logDirectory) {
        this.name = name;
        this.commandPrefix = List.copyOf(commandPrefix);
        this.launch = List.copyOf(launch);
        this.environment = Map.copyOf(environment);
        this.logFile = logDirectory.resolve(name + ".log");
        this.portFile = logDirectory.resolve(name + ".port");
    }

    /**
     * Launches the service's JVM without waiting for it ({@link #awaitReady()} does).
     *
     * @param launch what follows {@code java} and the JVM options: {@code -jar app.jar}, or a class path and main
     * @param logDirectory where the service's log goes, and the file it reports its port in
     */
    static ServiceProcess start(String name, List<String> launch, Map<String, String> environment, Path logDirectory) {
        ServiceProcess service = new ServiceProcess(name, List.of(), launch, environment, logDirectory);
        service.current = service.launch(ProcessBuilder.Redirect.to(service.logFile.toFile()));
        return service;
    }

    String name() {
        return name;
    }

    /** The java command services run with: this runtime's own JDK. */
    /**
     * A JDK AOT training run of this service (see {@link StartupCache}): {@link #train()} starts it once more with
     * {@code launch}, at low CPU priority and with the same environment, logging to {@code directory}.
     */
    ServiceProcess trainingRun(List<String> launch, Path directory) {
        return new ServiceProcess(name + "-training", LOW_PRIORITY, launch, environment, directory);
    }

    /**
     * Starts the JVM, waits until it answers as a service start does (so the cache covers the whole start), then
     * stops it and waits while it writes its AOT cache. {@link #cancel()} from another thread cuts it short.
     */
    void train() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("Training of " + name + " was cancelled");
            }
            current = launch(ProcessBuilder.Redirect.to(logFile.toFile()));
        }
        awaitReady();
        Process process = current.process();
        process.destroy();
        try {
            if (!process.waitFor(TRAINING_EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                cancel();
                throw new IllegalStateException(
                        name + " did not write its AOT cache within " + TRAINING_EXIT_TIMEOUT + "; see " + logFile);
            }
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while training " + name, e);
        }
        if (closed) {
            throw new IllegalStateException("Training of " + name + " was cancelled");
        }
    }

    /** Kills a training run at once, with the JVM it forks to write the cache. */
    void cancel() {
        closed = true;
        Instance instance = current;
        if (instance != null) {
            instance.process().descendants().forEach(ProcessHandle::destroyForcibly);
            instance.process().destroyForcibly();
        }
    }

    /** Waits until the service answers, and returns the function beans it offers. */
    synchronized Set<String> awaitReady() {
        current = ready(current);
        return functionNames(current);
    }

    /** The operating-system process of the JVM running now. */
    synchronized ProcessHandle process() {
        return current.process().toHandle();
    }

    /**
     * Invokes a function as Lambda's RequestResponse does. Failures of the JVM come back as Lambda reports them,
     * never as an exception: the event source decides about retries from the function error, as on AWS.
     */
    InvocationResult invoke(String definition, String functionName, byte[] event, int timeoutSeconds) {
        return invoke(definition, functionName, event, timeoutSeconds, Duration.ofSeconds(timeoutSeconds));
    }

    /**
     * @param timeoutSeconds the function's {@code Timeout}, which a timeout reports
     * @param remaining what is left of it when the handler starts (less than the Timeout after an injected delay)
     */
    InvocationResult invoke(
            String definition, String functionName, byte[] event, int timeoutSeconds, Duration remaining) {
        String requestId = UUID.randomUUID().toString();
        Instance instance;
        try {
            instance = running();
        } catch (RuntimeException cannotStart) {
            // The message's first line says why; the rest is the service's log tail, which stays in its log file.
            String reason =
                    String.valueOf(cannotStart.getMessage()).lines().findFirst().orElse("");
            log.warn("{}: invocation {} of {} failed: {}", name, requestId, definition, reason);
            return InvocationResult.environmentFailure(
                    "Runtime.ExitError", requestId, "Runtime exited before it was ready: " + reason);
        }
        HttpRequest request = HttpRequest.newBuilder(
                        instance.endpoint().resolve("/2015-03-31/functions/" + definition + "/invocations"))
                .timeout(remaining)
                .header("Content-Type", "application/json")
                .header("Lambda-Function-Name", functionName)
                .header("Lambda-Request-Id", requestId)
                .header("Lambda-Timeout-Seconds", String.valueOf(Math.max(1, (remaining.toMillis() + 999) / 1000)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + response.statusCode() + " for " + definition);
            }
            return new InvocationResult(
                    response.body(),
                    response.headers().firstValue("X-Amz-Function-Error").orElse(null));
        } catch (HttpTimeoutException timedOut) {
            log.warn(
                    "{}: invocation {} of {} failed: Task timed out after {} seconds",
                    name,
                    requestId,
                    definition,
                    timeoutSeconds);
            return InvocationResult.timedOut(requestId, timeoutSeconds);
        } catch (IOException connectionLost) {
            String exit = exitOf(instance);
            log.warn("{}: invocation {} of {} failed: runtime exited ({})", name, requestId, definition, exit);
            discard(instance);
            return InvocationResult.environmentFailure("Runtime.ExitError", requestId, exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while invoking " + definition, e);
        }
    }

    /** Stops the JVM, without waiting for a restart in progress (that one stops itself once it sees this). */
    @Override
    public void close() {
        closed = true;
        ChildProcesses.stop(current.process());
    }

    /** The ready JVM, after starting a new one if the last one died or was discarded (a cold start). */
    private synchronized Instance running() {
        if (closed) {
            throw new IllegalStateException("Service " + name + " is stopped");
        }
        if (!current.process().isAlive()) {
            log.info("{}: starting a new JVM, the last one exited ({})", name, exitDescription(current.process()));
            current = launch(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        }
        if (current.endpoint() == null) {
            current = ready(current);
        }
        return current;
    }

    /** Kills the JVM unless a newer one already replaced it; the next invocation starts another. */
    private synchronized void discard(Instance instance) {
        if (instance.process() == current.process()) {
            current.process().destroyForcibly();
        }
    }

    private Instance launch(ProcessBuilder.Redirect log) {
        try {
            Files.createDirectories(portFile.getParent());
            Files.deleteIfExists(portFile);
            List<String> command = new ArrayList<>(commandPrefix);
            command.add(ChildProcesses.java());
            command.addAll(JVM_OPTIONS);
            command.addAll(launch);
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
            builder.environment().put("SERVER_PORT", "0");
            builder.environment().put("PLATFORM_LOCAL_PORT_FILE", portFile.toString());
            builder.environment()
                    .put(
                            "PLATFORM_LOCAL_LAUNCHER_PID",
                            String.valueOf(ProcessHandle.current().pid()));
            return new Instance(builder.start(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start service " + name, e);
        }
    }

    /** Waits for the port the JVM reports once it is ready. */
    private Instance ready(Instance instance) {
        if (instance.endpoint() != null) {
            return instance;
        }
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (closed) {
                ChildProcesses.stop(instance.process());
                throw new IllegalStateException("Service " + name + " is stopped");
            }
            if (!instance.process().isAlive()) {
                throw new IllegalStateException(
                        "Service " + name + " exited while starting (" + exitDescription(instance.process())
                                + "); its log ends with:\n" + ChildProcesses.logTail(logFile));
            }
            OptionalInt port = ChildProcesses.reportedPort(portFile);
            if (port.isPresent()) {
                return instance.ready(URI.create("http://127.0.0.1:" + port.getAsInt()));
            }
            pause();
        }
        ChildProcesses.stop(instance.process());
        throw new IllegalStateException("Service " + name + " did not start within " + STARTUP_TIMEOUT + "; log:\n"
                + ChildProcesses.logTail(logFile));
    }

    private Set<String> functionNames(Instance instance) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(instance.endpoint().resolve("/2015-03-31/functions"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Service " + name + " answered " + response.statusCode() + " when asked for its functions");
            }
            return Set.of(JSON.readValue(response.body(), String[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("Service " + name + " did not list its functions", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + name, e);
        }
    }

    /** How the JVM ended, in Lambda's words; "without providing a reason" when it still runs. */
    private static String exitOf(Instance instance) {
        try {
            instance.process().onExit().get(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return "Runtime exited with error: " + exitDescription(instance.process());
        } catch (TimeoutException stillRunning) {
            return "Runtime exited without providing a reason";
        } catch (ExecutionException e) {
            return "Runtime exited without providing a reason";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Runtime exited without providing a reason";
        }
    }

    /** A JVM killed by a signal exits with 128 + the signal's number. */
    private static String exitDescription(Process process) {
        int status = process.exitValue();
        return switch (status) {
            case 137 -> "signal: killed";
            case 143 -> "signal: terminated";
            case 134 -> "signal: aborted";
            default -> "exit status " + status;
        };
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
