package dev.serverlesspatterns.local;

import dev.serverlesspatterns.local.apps.CompanionApps;
import dev.serverlesspatterns.local.customresource.CustomResources;
import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.emulator.AwsEmulators;
import dev.serverlesspatterns.local.engines.Engine;
import dev.serverlesspatterns.local.engines.Engines;
import dev.serverlesspatterns.local.engines.PostgresParameters;
import dev.serverlesspatterns.local.engines.RedisParameters;
import dev.serverlesspatterns.local.events.EventSources;
import dev.serverlesspatterns.local.gateway.ApiGateway;
import dev.serverlesspatterns.local.invoke.AsyncInvocations;
import dev.serverlesspatterns.local.invoke.LambdaApiServer;
import dev.serverlesspatterns.local.invoke.RetryDelays;
import dev.serverlesspatterns.local.lambda.FunctionFaults;
import dev.serverlesspatterns.local.lambda.FunctionHosts;
import dev.serverlesspatterns.local.lambda.InvocationLog;
import dev.serverlesspatterns.local.provision.Caches;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.provision.StateMachines;
import dev.serverlesspatterns.local.template.RestApiDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole suite on one machine, wired by infra/template.yaml: the AWS emulator (see {@link AwsEmulators}),
 * the Postgres engine when the template asks for one ({@link PostgresParameters}), the applications the stack talks to
 * but does not deploy ({@link CompanionApps}), the template's resources in the
 * emulator, each service's Boot app hosting its functions, the custom resources those functions back
 * ({@link CustomResources}), the Lambda Invoke API with asynchronous retries, the SQS, SNS and EventBridge event
 * sources, and API Gateway in front.
 */
public final class LocalSuite implements AutoCloseable {

    /**
     * @param gatewayPort port of the first API (0 picks a free one); further APIs take the following ports
     * @param gatewayHost address the gateway listens on: loopback, or all interfaces inside a container
     * @param parameterOverrides like {@code sam deploy --parameter-overrides}
     * @param asyncRetryDelays Lambda's ({@link RetryDelays#LAMBDA}) for a local run; tests shorten them
     */
    public record Options(
            SamTemplate template,
            String gatewayHost,
            int gatewayPort,
            Map<String, String> parameterOverrides,
            Path logDirectory,
            String stackName,
            RetryDelays asyncRetryDelays) {}

    private final Stack stack;
    private final FunctionHosts functions;
    private final List<ApiGateway> gateways;
    private final URI lambdaEndpoint;
    private final Deque<AutoCloseable> running;

    private LocalSuite(
            Stack stack,
            FunctionHosts functions,
            List<ApiGateway> gateways,
            URI lambdaEndpoint,
            Deque<AutoCloseable> running) {
        this.stack = stack;
        this.functions = functions;
        this.gateways = gateways;
        this.lambdaEndpoint = lambdaEndpoint;
        this.running = running;
    }

    public static LocalSuite start(Options options, Consumer<String> progress) {
        return start(options, progress, new LinkedBlockingDeque<>());
    }

    /** @param running where everything started goes, so that Ctrl-C during the start stops what has started */
    private static LocalSuite start(Options options, Consumer<String> progress, Deque<AutoCloseable> running) {
        // Everything started is closed in reverse order, on Ctrl-C as on a failed start.
        // The service jars are extracted and the emulator, Postgres and Redis start all at once: each mostly waits on
        // its own. Threads of their own: each blocks for seconds, which the common pool is not for.
        Executor background = task -> Thread.ofVirtual().start(task);
        CompletableFuture<Void> prepared =
                CompletableFuture.runAsync(() -> FunctionHosts.prepare(options.template()), background);
        Optional<PostgresParameters> postgres = PostgresParameters.of(options.template());
        boolean needsPostgres =
                postgres.isPresent() || CompanionApps.needPostgres(options.template(), options.parameterOverrides());
        CompletableFuture<Optional<Engine>> postgresEngine = CompletableFuture.supplyAsync(
                () -> needsPostgres
                        ? Optional.of(started(running, Engines.postgres(System.getenv())))
                        : Optional.empty(),
                background);
        CompletableFuture<Optional<Engine>> redisEngine = CompletableFuture.supplyAsync(
                () -> Caches.wanted(options.template())
                        ? Optional.of(started(running, Engines.redis(System.getenv())))
                        : Optional.empty(),
                background);
        // The companion apps start once Postgres is up, while the emulator starts; provisioning needs their URLs.
        CompletableFuture<CompanionApps> companionApps = postgresEngine.thenApplyAsync(
                engine -> started(
                        running,
                        CompanionApps.start(
                                options.template(),
                                options.parameterOverrides(),
                                engine,
                                options.logDirectory(),
                                line -> progress.accept("      " + line))),
                background);
        try {
            progress.accept("[1/5] Choosing the AWS emulator");
            AwsEmulator emulator = started(running, AwsEmulators.start(System.getenv()));
            progress.accept("      " + emulator.endpoint().description());
            Map<String, String> parameters = options.parameterOverrides();
            Optional<Engine> engine = joined(postgresEngine);
            if (engine.isPresent()) {
                progress.accept("      Postgres: " + engine.get().description());
                if (postgres.isPresent()) {
                    parameters = postgres.get().filledFrom(engine.get(), parameters);
                }
            }
            parameters = joined(companionApps).filledInto(parameters);

            Optional<Engine> cache = joined(redisEngine);
            if (cache.isPresent()) {
                progress.accept("      Redis: " + cache.get().description());
                Optional<RedisParameters> redis = RedisParameters.of(options.template());
                if (redis.isPresent()) {
                    parameters = redis.get().filled(parameters);
                }
            }

            progress.accept("[2/5] Provisioning " + options.template().file());
            Stack stack = Provisioner.provision(
                    options.template(), emulator.endpoint(), options.stackName(), parameters, cache);

            joined(prepared);
            progress.accept("[3/5] Starting services (logs in " + options.logDirectory() + ")");
            // Services learn where the Lambda API is before it answers: it needs them to invoke. Its port is held
            // from now on, so nothing else can take it in between.
            LambdaApiServer lambdaApi = started(running, LambdaApiServer.bind(stack, 0));
            URI lambdaEndpoint = lambdaApi.endpoint();
            if (StateMachines.declaredIn(options.template()) && !emulator.sendLambdaTasksTo(lambdaEndpoint)) {
                progress.accept(
                        "      Step Functions' Lambda tasks stay in "
                                + emulator.endpoint().description()
                                + ": its executions cannot run the suite's functions (README.md, \"Step Functions executions, locally\")");
            }
            FunctionHosts functions = started(
                    running,
                    FunctionHosts.start(
                            stack,
                            Map.of("AWS_ENDPOINT_URL_LAMBDA", lambdaEndpoint.toString()),
                            options.logDirectory(),
                            line -> progress.accept("      " + line)));
            // As a deploy does, before anything feeds the functions: the consumers need the migrated schema.
            CustomResources.createAll(stack, functions, line -> progress.accept("      " + line));

            progress.accept("[4/5] Starting the Lambda API and the event sources");
            SqsClient sqs = started(running, emulator.endpoint().configure(SqsClient.builder()));
            SnsClient sns = started(running, emulator.endpoint().configure(SnsClient.builder()));
            AsyncInvocations async = started(
                    running,
                    new AsyncInvocations(
                            stack.template(),
                            stack.intrinsics(),
                            functions,
                            sqs,
                            sns,
                            Clock.systemUTC(),
                            options.asyncRetryDelays()));
            lambdaApi.serve(functions, async);
            progress.accept("      Lambda Invoke API at " + lambdaEndpoint);
            progress.accept("      Queue depths at " + lambdaEndpoint.resolve(LambdaApiServer.QUEUES_PATH));
            started(running, EventSources.start(stack, functions, async));

            progress.accept("[5/5] Starting the API gateway");
            List<ApiGateway> gateways = new ArrayList<>();
            int port = options.gatewayPort();
            for (RestApiDefinition api : options.template().restApis()) {
                InetSocketAddress address =
                        new InetSocketAddress(options.gatewayHost(), port == 0 ? 0 : port + gateways.size());
                ApiGateway gateway =
                        started(running, ApiGateway.start(api, stack, functions, address, Clock.systemUTC()));
                gateways.add(gateway);
                progress.accept("      " + api.logicalId() + " at " + gateway.baseUrl());
            }
            functions.trainStartupCaches(progress);
            return new LocalSuite(stack, functions, List.copyOf(gateways), lambdaEndpoint, running);
        } catch (RuntimeException failure) {
            // What is still starting must not outlive a failed start.
            joinQuietly(postgresEngine);
            joinQuietly(redisEngine);
            joinQuietly(companionApps);
            joinQuietly(prepared);
            closeAll(running);
            throw failure;
        }
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException failure) {
            throw failure.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException(failure.getCause());
        }
    }

    private static void joinQuietly(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException | CancellationException ignored) {
            // The start failed already; this failure, if any, adds nothing.
        }
    }

    public URI gatewayUrl(String apiLogicalId) {
        return gateways.stream()
                .filter(gateway -> gateway.api().logicalId().equals(apiLogicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The template declares no API " + apiLogicalId))
                .baseUrl();
    }

    /**
     * Starts one more API gateway, on a free loopback port, for an API of a changed copy of the template, in front of
     * this suite's stack and functions: how a test shows that a route change is a template change only, without
     * starting a second suite. The caller closes it.
     */
    public ApiGateway startGateway(RestApiDefinition api) {
        return ApiGateway.start(api, stack, functions, new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC());
    }

    /** Where the Lambda Invoke API answers: what {@code AWS_ENDPOINT_URL_LAMBDA} gives the services. */
    public URI lambdaEndpoint() {
        return lambdaEndpoint;
    }

    public Stack stack() {
        return stack;
    }

    public InvocationLog invocations() {
        return functions.invocations();
    }

    /** Delays or failures a test injects into the hosted functions ({@link FunctionFaults}). */
    public FunctionFaults faults() {
        return functions.faults();
    }

    @Override
    public void close() {
        closeAll(running);
    }

    private static <T extends AutoCloseable> T started(Deque<AutoCloseable> running, T resource) {
        running.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable resource = running.pop();
            try {
                resource.close();
            } catch (Exception failure) {
                LoggerFactory.getLogger(LocalSuite.class).warn("Could not stop {}", resource, failure);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("logback.configurationFile", "local-suite-logback.xml");
        Logger log = LoggerFactory.getLogger(LocalSuite.class);
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException wrongUsage) {
            log.error("{}\n\n{}", wrongUsage.getMessage(), CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (commandLine.help()) {
            log.info(CommandLine.USAGE);
            return;
        }
        SamTemplate template =
                commandLine.template() == null ? SamTemplate.ofRepository() : SamTemplate.load(commandLine.template());
        Options options = new Options(
                template,
                commandLine.host(),
                commandLine.port(),
                commandLine.parameters(),
                template.directory().resolveSibling(".local/logs"),
                "suite",
                RetryDelays.LAMBDA);
        // Registered before the start, so Ctrl-C while services start stops what has started.
        Deque<AutoCloseable> running = new LinkedBlockingDeque<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the local suite");
            closeAll(running);
            // A service JVM still starting is not in 'running' yet; it is a child of this JVM.
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            stopped.countDown();
        }));
        LocalSuite suite;
        try {
            suite = start(options, log::info, running);
        } catch (RuntimeException failure) {
            log.error("The local suite could not start: {}", failure.getMessage());
            System.exit(1);
            return;
        }
        commandLine
                .secretsToShow()
                .forEach(secret -> log.info(
                        "Secret {}: {}",
                        secret,
                        suite.stack().secretValue(secret).orElse("(not a generated secret)")));
        template.restApis()
                .forEach(api -> log.info(
                        "Ready: {} at {} (Ctrl-C stops everything)",
                        api.logicalId(),
                        suite.gatewayUrl(api.logicalId())));
        stopped.await();
    }

    /** The launcher's arguments: {@code --port}, {@code --parameter Name=Value}, {@code --show-secret LogicalId}, {@code --template}. */
    record CommandLine(
            String host,
            int port,
            Map<String, String> parameters,
            List<String> secretsToShow,
            Path template,
            boolean help) {

        static final String USAGE = """
                Usage: run-local [--port 3000] [--host 127.0.0.1] [--parameter Name=Value]... [--show-secret LogicalId]... [--template infra/template.yaml]
                  --port          port of the API gateway (default 3000; 0 picks a free port)
                  --host          address the gateway listens on (default 127.0.0.1; 0.0.0.0 only inside a container)
                  --parameter     overrides a template parameter, like sam deploy --parameter-overrides
                  --show-secret   prints the generated value of a template secret once started (local use only)
                  --template      the SAM template to run (default: infra/template.yaml of this repository)""";

        static CommandLine parse(String[] args) {
            int port = 3000;
            String host = "127.0.0.1";
            Map<String, String> parameters = new LinkedHashMap<>();
            List<String> secrets = new ArrayList<>();
            Path template = null;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> help = true;
                    case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
                    case "--host" -> host = value(args, ++i, arg);
                    case "--parameter" -> {
                        String[] pair = value(args, ++i, arg).split("=", 2);
                        if (pair.length != 2) {
                            throw new IllegalArgumentException("--parameter takes Name=Value, not " + args[i]);
                        }
                        parameters.put(pair[0], pair[1]);
                    }
                    case "--show-secret" -> secrets.add(value(args, ++i, arg));
                    case "--template" -> template = Path.of(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("Unknown argument " + arg);
                }
            }
            return new CommandLine(host, port, parameters, secrets, template, help);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
