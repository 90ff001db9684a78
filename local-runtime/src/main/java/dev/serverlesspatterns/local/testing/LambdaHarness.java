package dev.serverlesspatterns.local.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.serverlesspatterns.lambda.InvocationContext;
import dev.serverlesspatterns.local.customresource.CustomResources;
import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invokes a template function the way Lambda does, inside the test JVM: it instantiates the template's
 * {@code Handler} class with the function's template environment and passes the raw event to
 * {@code handleRequest}. Handlers stay warm for the JVM, one per function, like Lambda execution environments.
 *
 * <p>The environment reaches the handler as system properties, which Spring reads like environment variables.
 * They are JVM-wide: a handler started later also sees variables of handlers started before it, so this harness
 * cannot prove that a function starts with only its own variables (the local suite, one JVM per service, comes
 * closer). Functions of one service agree on their shared variables, so later handlers do not disturb earlier ones.
 */
public final class LambdaHarness implements LambdaInvoker {

    /** JVM options only matter when a JVM starts, which the harness does not do. */
    private static final Set<String> JVM_ONLY_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Stack stack;
    private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();

    /** For a harness of its own outside JUnit (benchmarks); tests get theirs from {@link LocalAwsExtension}. */
    public LambdaHarness(Stack stack) {
        this.stack = stack;
    }

    public String invoke(String logicalId, String event) {
        FunctionDefinition function = stack.template().function(logicalId);
        RequestStreamHandler handler = handlers.computeIfAbsent(logicalId, id -> instantiate(function));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(
                    new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                    output,
                    new InvocationContext(
                            stack.ref(logicalId),
                            UUID.randomUUID().toString(),
                            Duration.ofSeconds(function.timeoutSeconds())));
        } catch (IOException | RuntimeException failure) {
            // What Lambda would report: the exception handleRequest threw, not its root cause.
            throw new LambdaFunctionException(failure);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** The same invocation for the local runtime's own callers: a function error becomes Lambda's error payload. */
    @Override
    public InvocationResult invoke(String logicalId, byte[] event) {
        try {
            return new InvocationResult(
                    invoke(logicalId, new String(event, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                    null);
        } catch (LambdaFunctionException failure) {
            return new InvocationResult(
                    JSON.writeValueAsBytes(Map.of(
                            "errorMessage", String.valueOf(failure.getMessage()), "errorType", failure.getErrorType())),
                    "Unhandled");
        }
    }

    /**
     * Creates a custom resource of the template through its function in this JVM, as the local suite does after
     * the services start: for a test that needs what it makes, such as a migrated database schema.
     */
    public void createCustomResource(String logicalId) {
        CustomResources.create(stack, this, logicalId);
    }

    private RequestStreamHandler instantiate(FunctionDefinition function) {
        Map<String, String> environment = function.environment(stack.intrinsics());
        synchronized (System.getProperties()) {
            environment.forEach((name, value) -> {
                if (!JVM_ONLY_VARIABLES.contains(name)) {
                    System.setProperty(name, value);
                }
            });
            // Spring binds SPRING_* environment variables to properties; system properties need the property name.
            environment.entrySet().stream()
                    .filter(variable -> variable.getKey().startsWith("SPRING_"))
                    .forEach(variable ->
                            System.setProperty(variable.getKey().toLowerCase().replace('_', '.'), variable.getValue()));
            String handlerClass = function.handler().split("::")[0];
            try {
                return (RequestStreamHandler)
                        Class.forName(handlerClass).getDeclaredConstructor().newInstance();
            } catch (InvocationTargetException failure) {
                throw new IllegalStateException(
                        "The handler of " + function.logicalId() + " failed to start", failure.getCause());
            } catch (ReflectiveOperationException | ClassCastException failure) {
                throw new IllegalStateException(
                        "Cannot instantiate " + handlerClass + " for " + function.logicalId(), failure);
            }
        }
    }
}
