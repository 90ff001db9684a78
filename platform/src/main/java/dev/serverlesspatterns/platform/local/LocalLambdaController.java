package dev.serverlesspatterns.platform.local;

import dev.serverlesspatterns.lambda.InvocationContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.RoutingFunction;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets the local runtime invoke this service's functions the way Lambda does: it receives the raw AWS event
 * and converts input and output with the same {@link AWSLambdaUtils} calls as SCF's {@code FunctionInvoker},
 * so a function sees identical objects locally and on AWS. Errors come back as Lambda reports them: status
 * 200, header {@code X-Amz-Function-Error: Unhandled} and an {@code errorMessage}/{@code errorType} body.
 */
@RestController
@RequestMapping(path = LocalLambdaController.PREFIX, produces = MediaType.APPLICATION_JSON_VALUE)
class LocalLambdaController implements AutoCloseable {

    static final String PREFIX = "/2015-03-31/functions";
    static final String FUNCTION_NAME_HEADER = "Lambda-Function-Name";
    static final String REQUEST_ID_HEADER = "Lambda-Request-Id";
    static final String TIMEOUT_HEADER = "Lambda-Timeout-Seconds";

    private static final Logger log = LoggerFactory.getLogger(LocalLambdaController.class);
    private static final byte[] NO_EVENT = new byte[0];

    private final FunctionCatalog catalog;
    private final JsonMapper jsonMapper;
    private final boolean routes;
    /** Each invocation runs on its own thread, so that it can be stopped at its deadline. */
    private final ExecutorService invocations = Executors.newVirtualThreadPerTaskExecutor();

    /** @param routes whether the service configures SCF's {@code functionRouter}, so a template may name it */
    LocalLambdaController(FunctionCatalog catalog, JsonMapper jsonMapper, boolean routes) {
        this.catalog = catalog;
        this.jsonMapper = jsonMapper;
        this.routes = routes;
    }

    /** The function beans this service offers, so the local runtime can check them against the template. */
    @GetMapping
    ResponseEntity<byte[]> functionNames() {
        return ResponseEntity.ok(jsonMapper.toJson(functionNames(catalog, routes)));
    }

    /**
     * SCF registers {@code functionRouter} in every service; it is offered only where the service tells it how to
     * route (a {@code MessageRoutingCallback} or a routing expression), since elsewhere every invoke of it fails.
     */
    static TreeSet<String> functionNames(FunctionCatalog catalog, boolean routes) {
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> kind : new Class<?>[] {Function.class, Consumer.class, Supplier.class}) {
            names.addAll(catalog.getNames(kind));
        }
        if (!routes) {
            names.remove(RoutingFunction.FUNCTION_NAME);
        }
        return names;
    }

    @PostMapping("/{definition}/invocations")
    ResponseEntity<byte[]> invoke(
            @PathVariable String definition,
            @RequestBody(required = false) byte[] event,
            @RequestHeader(name = FUNCTION_NAME_HEADER, required = false) String functionName,
            @RequestHeader(name = REQUEST_ID_HEADER, required = false) String requestId,
            @RequestHeader(name = TIMEOUT_HEADER, defaultValue = "30") long timeoutSeconds) {
        FunctionInvocationWrapper function = catalog.lookup(definition, "application/json");
        if (function == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(errorBody("ResourceNotFoundException", "Function not found: " + definition));
        }
        if (function.isOutputTypePublisher()) {
            function.setSkipOutputConversion(true);
        }
        InvocationContext context = new InvocationContext(
                functionName == null ? definition : functionName,
                requestId == null ? UUID.randomUUID().toString() : requestId,
                Duration.ofSeconds(timeoutSeconds));
        Future<byte[]> running = invocations.submit(() -> {
            Message<byte[]> request = AWSLambdaUtils.generateMessage(
                    event == null ? NO_EVENT : event,
                    function.getInputType(),
                    function.isSupplier(),
                    jsonMapper,
                    context);
            Object result = function.apply(request);
            return AWSLambdaUtils.generateOutputFromObject(request, result, jsonMapper, function.getOutputType());
        });
        try {
            return ResponseEntity.ok(running.get(timeoutSeconds, TimeUnit.SECONDS));
        } catch (TimeoutException timedOut) {
            // The local runtime has reported the timeout and reads no answer; Lambda would freeze the work here, Java
            // can only interrupt it (best effort).
            running.cancel(true);
            log.warn(
                    "Function {} timed out after {} s (request {})",
                    definition,
                    timeoutSeconds,
                    context.getAwsRequestId());
            return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).build();
        } catch (InterruptedException stopping) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        } catch (ExecutionException failed) {
            Throwable failure = failed.getCause();
            // Lambda reports the exception the handler threw, not its root cause: API Gateway matches its message.
            log.error("Function {} failed (request {})", definition, context.getAwsRequestId(), failure);
            return ResponseEntity.ok()
                    .header("X-Amz-Function-Error", "Unhandled")
                    .body(jsonMapper.toJson(Map.of(
                            "errorType",
                            failure.getClass().getName(),
                            "errorMessage",
                            String.valueOf(failure.getMessage()),
                            "stackTrace",
                            stackTraceOf(failure))));
        }
    }

    /** Stops the invocations still running when the service stops. */
    @Override
    public void close() {
        invocations.shutdownNow();
    }

    private byte[] errorBody(String type, String message) {
        return jsonMapper.toJson(Map.of("errorType", type, "errorMessage", message));
    }

    private static String[] stackTraceOf(Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return trace.toString().lines().skip(1).map(String::strip).limit(20).toArray(String[]::new);
    }
}
