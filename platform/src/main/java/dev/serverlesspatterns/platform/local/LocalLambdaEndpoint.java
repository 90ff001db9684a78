package dev.serverlesspatterns.platform.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.serverlesspatterns.lambda.InvocationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.Message;

/**
 * Lets the local runtime invoke this service's functions the way Lambda does: it receives the raw AWS event
 * and converts input and output with the same {@link AWSLambdaUtils} calls as SCF's {@code FunctionInvoker},
 * so a function sees identical objects locally and on AWS. Errors come back as Lambda reports them: status
 * 200, header {@code X-Amz-Function-Error: Unhandled} and an {@code errorMessage}/{@code errorType} body.
 *
 * <p>Binds to loopback only, and stops the service when the process that launched it goes away.
 */
class LocalLambdaEndpoint implements SmartLifecycle {

    static final String FUNCTION_NAME_HEADER = "Lambda-Function-Name";
    static final String REQUEST_ID_HEADER = "Lambda-Request-Id";
    static final String TIMEOUT_HEADER = "Lambda-Timeout-Seconds";

    private static final Logger log = LoggerFactory.getLogger(LocalLambdaEndpoint.class);
    private static final String PREFIX = "/2015-03-31/functions";

    private final FunctionCatalog catalog;
    private final JsonMapper jsonMapper;
    private final LocalLambdaProperties properties;
    private final Runnable shutdown;
    private HttpServer server;
    private ExecutorService executor;

    LocalLambdaEndpoint(
            FunctionCatalog catalog, JsonMapper jsonMapper, LocalLambdaProperties properties, Runnable shutdown) {
        this.catalog = catalog;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
        this.shutdown = shutdown;
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.lambdaPort()), 0);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot bind the local Lambda endpoint to port " + properties.lambdaPort(), e);
        }
        // The HTTP server's dispatcher thread has the system class loader as its context class loader, and the
        // request threads would inherit it; in a Boot jar the application's classes are not there, and the AWS
        // event serializers SCF uses load nested event classes (SQSEvent$SQSMessage) from the context class loader.
        ClassLoader application = LocalLambdaEndpoint.class.getClassLoader();
        executor = Executors.newThreadPerTaskExecutor(request -> {
            Thread thread = Thread.ofVirtual().unstarted(request);
            thread.setContextClassLoader(application);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::route);
        server.start();
        if (properties.stopWithParent()) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(shutdown));
        }
        log.info(
                "Local Lambda endpoint listening on 127.0.0.1:{}",
                server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
        executor.close();
        server = null;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(PREFIX) && exchange.getRequestMethod().equals("GET")) {
                send(exchange, 200, Map.of(), jsonMapper.toJson(functionNames()));
            } else if (path.endsWith("/invocations")
                    && exchange.getRequestMethod().equals("POST")) {
                String definition = path.substring(PREFIX.length() + 1, path.length() - "/invocations".length());
                invoke(exchange, definition);
            } else {
                send(exchange, 404, Map.of(), errorBody("ResourceNotFoundException", "No such resource " + path));
            }
        }
    }

    private TreeSet<String> functionNames() {
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> kind : new Class<?>[] {Function.class, Consumer.class, Supplier.class}) {
            names.addAll(catalog.getNames(kind));
        }
        names.remove("functionRouter");
        return names;
    }

    private void invoke(HttpExchange exchange, String definition) throws IOException {
        FunctionInvocationWrapper function = catalog.lookup(definition, "application/json");
        if (function == null) {
            send(exchange, 404, Map.of(), errorBody("ResourceNotFoundException", "Function not found: " + definition));
            return;
        }
        if (function.isOutputTypePublisher()) {
            function.setSkipOutputConversion(true);
        }
        byte[] event;
        try (InputStream body = exchange.getRequestBody()) {
            event = body.readAllBytes();
        }
        InvocationContext context = contextOf(exchange, definition);
        try {
            Message<byte[]> request = AWSLambdaUtils.generateMessage(
                    event, function.getInputType(), function.isSupplier(), jsonMapper, context);
            Object result = function.apply(request);
            byte[] output =
                    AWSLambdaUtils.generateOutputFromObject(request, result, jsonMapper, function.getOutputType());
            send(exchange, 200, Map.of(), output);
        } catch (RuntimeException | Error failure) {
            // Lambda reports the exception the handler threw, not its root cause: API Gateway matches its message.
            log.error("Function {} failed (request {})", definition, context.getAwsRequestId(), failure);
            send(
                    exchange,
                    200,
                    Map.of("X-Amz-Function-Error", "Unhandled"),
                    errorBody(
                            failure.getClass().getName(), String.valueOf(failure.getMessage()), stackTraceOf(failure)));
        }
    }

    private InvocationContext contextOf(HttpExchange exchange, String definition) {
        var headers = exchange.getRequestHeaders();
        String functionName = headers.getFirst(FUNCTION_NAME_HEADER);
        String requestId = headers.getFirst(REQUEST_ID_HEADER);
        String timeout = headers.getFirst(TIMEOUT_HEADER);
        return new InvocationContext(
                functionName == null ? definition : functionName,
                requestId == null ? UUID.randomUUID().toString() : requestId,
                Duration.ofSeconds(timeout == null ? 30 : Long.parseLong(timeout)));
    }

    private byte[] errorBody(String type, String message) {
        return jsonMapper.toJson(Map.of("errorType", type, "errorMessage", message));
    }

    private byte[] errorBody(String type, String message, String[] stackTrace) {
        return jsonMapper.toJson(Map.of("errorType", type, "errorMessage", message, "stackTrace", stackTrace));
    }

    private static String[] stackTraceOf(Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return trace.toString().lines().skip(1).map(String::strip).limit(20).toArray(String[]::new);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
