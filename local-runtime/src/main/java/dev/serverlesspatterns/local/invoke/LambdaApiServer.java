package dev.serverlesspatterns.local.invoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.serverlesspatterns.local.HttpServers;
import dev.serverlesspatterns.local.invoke.FunctionNames.RequestedFunction;
import dev.serverlesspatterns.local.lambda.AsyncInvoker;
import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.operate.QueueDepths;
import dev.serverlesspatterns.local.provision.Stack;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/{FunctionName}/invocations}) for the template's
 * functions, on loopback: the real SDK {@code LambdaClient} of a service or a test invokes them as on AWS.
 * RequestResponse runs the function and returns its payload; Event hands the event to Lambda's asynchronous
 * invocation ({@link AsyncInvoker}) and answers 202 at once; DryRun only checks the request.
 */
public final class LambdaApiServer implements AutoCloseable {

    /** Lambda's Invoke payload quota for RequestResponse: 6 MB. */
    static final int SYNCHRONOUS_PAYLOAD_LIMIT = 6 * 1024 * 1024;

    /** Lambda's Invoke payload quota for Event: 1 MB since 2025 (SNS and EventBridge still stop at 256 KB). */
    static final int ASYNCHRONOUS_PAYLOAD_LIMIT = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(LambdaApiServer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Where the Invoke API of a {@link Stack} reports its queue depths; not an AWS API. */
    public static final String QUEUES_PATH = "/local/queues";

    private static final Pattern INVOKE_PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations/?");
    /** What the function gets when the request has no payload, as from the console or the CLI without one. */
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    private final FunctionNames names;
    private final QueueDepths queues;
    private final HttpServer server;
    private LambdaInvoker invoker;
    private AsyncInvoker asyncInvoker;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private enum InvocationType {
        REQUEST_RESPONSE("RequestResponse"),
        EVENT("Event"),
        DRY_RUN("DryRun");

        private final String header;

        InvocationType(String header) {
            this.header = header;
        }

        static Optional<InvocationType> of(String header) {
            return Arrays.stream(values())
                    .filter(type -> type.header.equals(header))
                    .findFirst();
        }
    }

    /** An error as Lambda's REST-JSON protocol reports it, so the SDK throws the matching exception. */
    private record LambdaError(int status, String errorType, String message) {}

    private LambdaApiServer(FunctionNames names, QueueDepths queues, InetSocketAddress address) {
        this.names = names;
        this.queues = queues;
        try {
            this.server = HttpServers.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + address + " for the Lambda Invoke API", e);
        }
        server.setExecutor(executor);
    }

    /**
     * The Invoke API for the provisioned stack's functions (on {@code port}, 0 for a free one), which also answers {@code GET /local/queues} with the
     * depth of every queue by owning service ({@link QueueDepths}), for whoever watches the suite run.
     */
    public static LambdaApiServer start(Stack stack, LambdaInvoker invoker, AsyncInvoker asyncInvoker, int port) {
        return bind(stack, port).serve(invoker, asyncInvoker);
    }

    /**
     * Holds the port (0 for a free one) without answering yet, so the services the API invokes can learn its
     * {@link #endpoint()} before they start; requests wait in the backlog until {@link #serve} is called.
     */
    public static LambdaApiServer bind(Stack stack, int port) {
        return new LambdaApiServer(
                new FunctionNames(stack.template(), stack.intrinsics()),
                QueueDepths.of(stack),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** Starts answering, with the invokers that run the functions. */
    public LambdaApiServer serve(LambdaInvoker invoker, AsyncInvoker asyncInvoker) {
        this.invoker = invoker;
        this.asyncInvoker = asyncInvoker;
        server.createContext("/", this::handle);
        server.createContext(QUEUES_PATH, exchange -> serveQueueDepths(exchange, queues));
        server.start();
        return this;
    }

    /** What an SDK client's {@code endpointOverride} (or {@code AWS_ENDPOINT_URL_LAMBDA}) should be. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            exchange.getResponseHeaders()
                    .set("x-amzn-RequestId", UUID.randomUUID().toString());
            try {
                invoke(exchange);
            } catch (RuntimeException failure) {
                log.error("Invoke failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), failure);
                sendError(
                        exchange,
                        new LambdaError(500, "ServiceException", "The local runtime failed; its log says why"));
            }
        } catch (IOException clientGone) {
            log.debug("Client went away", clientGone);
        }
    }

    private static void serveQueueDepths(HttpExchange exchange, QueueDepths queues) {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] depths;
            try {
                depths = JSON.writeValueAsBytes(Map.of("services", queues.read()));
            } catch (RuntimeException failure) {
                log.error("Could not read the queue depths", failure);
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            send(exchange, 200, depths);
        } catch (IOException clientGone) {
            log.debug("Client went away", clientGone);
        }
    }

    private void invoke(HttpExchange exchange) throws IOException {
        Matcher path = INVOKE_PATH.matcher(exchange.getRequestURI().getPath());
        if (!exchange.getRequestMethod().equals("POST") || !path.matches()) {
            sendError(
                    exchange,
                    new LambdaError(
                            404,
                            "UnknownOperationException",
                            "The local runtime serves only Invoke: POST /2015-03-31/functions/{name}/invocations"));
            return;
        }
        String typeHeader = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"))
                .orElse(InvocationType.REQUEST_RESPONSE.header);
        Optional<InvocationType> type = InvocationType.of(typeHeader);
        if (type.isEmpty()) {
            sendError(
                    exchange,
                    new LambdaError(
                            400,
                            "InvalidParameterValueException",
                            "InvocationType must be RequestResponse, Event or DryRun, not " + typeHeader));
            return;
        }
        RequestedFunction requested;
        try {
            requested = names.parse(path.group(1), qualifierParameter(exchange.getRequestURI()));
        } catch (IllegalArgumentException invalidName) {
            sendError(exchange, new LambdaError(400, "InvalidParameterValueException", invalidName.getMessage()));
            return;
        }
        Optional<String> logicalId = names.logicalIdOf(requested);
        if (logicalId.isEmpty()) {
            sendError(
                    exchange,
                    new LambdaError(404, "ResourceNotFoundException", "Function not found: " + requested.arn()));
            return;
        }
        byte[] payload;
        try (InputStream body = exchange.getRequestBody()) {
            payload = body.readNBytes(SYNCHRONOUS_PAYLOAD_LIMIT + 1);
        }
        int limit = type.get() == InvocationType.EVENT ? ASYNCHRONOUS_PAYLOAD_LIMIT : SYNCHRONOUS_PAYLOAD_LIMIT;
        if (payload.length > limit) {
            sendError(
                    exchange,
                    new LambdaError(
                            413,
                            "RequestTooLargeException",
                            "Request must be smaller than " + limit + " bytes for the InvokeFunction operation"));
            return;
        }
        if (payload.length == 0) {
            payload = EMPTY_EVENT;
        }
        try {
            JSON.readTree(payload);
        } catch (JacksonException notJson) {
            sendError(
                    exchange,
                    new LambdaError(400, "InvalidRequestContentException", "Could not parse request body into json"));
            return;
        }
        switch (type.get()) {
            case REQUEST_RESPONSE -> respond(exchange, invoker.invoke(logicalId.get(), payload));
            case EVENT -> {
                exchange.getResponseHeaders()
                        .set("x-amzn-RequestId", asyncInvoker.invokeAsync(logicalId.get(), payload));
                exchange.sendResponseHeaders(202, -1);
            }
            case DRY_RUN -> exchange.sendResponseHeaders(204, -1);
        }
        log.debug("{} invoke of {} as {}", type.get().header, logicalId.get(), requested.arn());
    }

    private static void respond(HttpExchange exchange, InvocationResult result) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
        if (result.failed()) {
            exchange.getResponseHeaders().set("X-Amz-Function-Error", result.functionError());
        }
        send(exchange, 200, result.payload());
    }

    private static String qualifierParameter(URI uri) {
        String query = uri.getQuery();
        if (query == null) {
            return null;
        }
        return Arrays.stream(query.split("&"))
                .filter(parameter -> parameter.startsWith("Qualifier="))
                .map(parameter -> parameter.substring("Qualifier=".length()))
                .findFirst()
                .orElse(null);
    }

    private static void sendError(HttpExchange exchange, LambdaError error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.errorType());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        String fault = error.status() >= 500 ? "Service" : "User";
        send(exchange, error.status(), JSON.writeValueAsBytes(Map.of("Type", fault, "message", error.message())));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
