package dev.serverlesspatterns.local.customresource;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.CustomResourceDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the template's custom resources the way a deploy does, once the functions run: each resource's
 * {@code ServiceToken} function gets CloudFormation's {@code Create} request (the
 * {@code CloudFormationCustomResourceEvent} shape), with a {@code ResponseURL} served on loopback
 * ({@link ResponseEndpoint}), and the run waits for the function's response there. {@code SUCCESS} records the
 * resource's physical id and {@code Data} in the stack; {@code FAILED}, a function error without a response, or no
 * response within the function's timeout stops the run, as it would roll the stack back.
 */
public final class CustomResources {

    /** How long past its function's timeout a response may take (the PUT happens at the very end). */
    static final Duration RESPONSE_GRACE = Duration.ofSeconds(15);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Stack stack;
    private final LambdaInvoker invoker;
    private final Duration grace;

    CustomResources(Stack stack, LambdaInvoker invoker, Duration grace) {
        this.stack = stack;
        this.invoker = invoker;
        this.grace = grace;
    }

    /** Creates every custom resource of the stack's template, in the order the template declares them. */
    public static void createAll(Stack stack, LambdaInvoker invoker, Consumer<String> progress) {
        CustomResources resources = new CustomResources(stack, invoker, RESPONSE_GRACE);
        for (CustomResourceDefinition resource : stack.template().customResources()) {
            resources.create(resource);
            progress.accept(resource.logicalId() + " (" + resource.type() + ") created");
        }
    }

    /** Creates one custom resource, as a test that needs it (a migrated schema) does before it starts. */
    public static void create(Stack stack, LambdaInvoker invoker, String logicalId) {
        CustomResourceDefinition resource = stack.template().customResources().stream()
                .filter(candidate -> candidate.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("The template declares no custom resource " + logicalId));
        new CustomResources(stack, invoker, RESPONSE_GRACE).create(resource);
    }

    void create(CustomResourceDefinition resource) {
        String function = stack.intrinsics().referencedFunction(resource.serviceToken());
        if (stack.template().functions().stream()
                .noneMatch(candidate -> candidate.logicalId().equals(function))) {
            throw new IllegalStateException("The ServiceToken of custom resource " + resource.logicalId() + " names "
                    + function + ", which is no function of the template");
        }
        Duration timeout = Duration.ofSeconds(
                        stack.template().function(function).timeoutSeconds())
                .plus(grace);
        String requestId = UUID.randomUUID().toString();
        try (ResponseEndpoint endpoint = ResponseEndpoint.start()) {
            ResponseEndpoint.Expected expected = endpoint.expect(requestId);
            byte[] event = JSON.writeValueAsBytes(createRequest(resource, requestId, expected));
            CompletableFuture<JsonNode> response = expected.response();
            // CloudFormation invokes asynchronously and only ever listens at the URL; a function error without a
            // response would leave a deploy waiting for an hour, so the local run stops at once instead.
            Thread.ofVirtual().name("custom-resource-" + resource.logicalId()).start(() -> {
                try {
                    InvocationResult result = invoker.invoke(function, event);
                    if (result.failed()) {
                        response.completeExceptionally(new IllegalStateException(function + " failed ("
                                + result.functionError() + ") without responding: " + result.payloadText()));
                    }
                } catch (RuntimeException invocationFailed) {
                    response.completeExceptionally(invocationFailed);
                }
            });
            record(resource, requestId, await(resource, response, timeout));
        }
    }

    private Map<String, Object> createRequest(
            CustomResourceDefinition resource, String requestId, ResponseEndpoint.Expected expected) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("RequestType", "Create");
        event.put("ServiceToken", stack.intrinsics().resolveString(resource.serviceToken()));
        event.put("ResponseURL", expected.responseUrl().toString());
        event.put("StackId", stack.stackId());
        event.put("RequestId", requestId);
        event.put("LogicalResourceId", resource.logicalId());
        event.put("ResourceType", resource.type());
        event.put("ResourceProperties", stack.resolveAll(resource.properties()));
        return event;
    }

    private JsonNode await(CustomResourceDefinition resource, CompletableFuture<JsonNode> response, Duration timeout) {
        String what = "Custom resource " + resource.logicalId() + " (" + resource.type() + ")";
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException noResponse) {
            throw new IllegalStateException(
                    what + " got no response within " + timeout.toSeconds() + " s (its function's Timeout and "
                            + grace.toMillis() + " ms more): its function must PUT one to the ResponseURL");
        } catch (ExecutionException failed) {
            throw new IllegalStateException(
                    what + " could not be created: " + failed.getCause().getMessage(), failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }

    private void record(CustomResourceDefinition resource, String requestId, JsonNode response) {
        String what = "Custom resource " + resource.logicalId() + " (" + resource.type() + ")";
        // CloudFormation ignores a response that does not echo its request.
        Map<String, String> echoed =
                Map.of("StackId", stack.stackId(), "RequestId", requestId, "LogicalResourceId", resource.logicalId());
        echoed.forEach((field, value) -> {
            if (!value.equals(response.path(field).asString(""))) {
                throw new IllegalStateException(
                        what + " got a response whose " + field + " is not the request's: " + response);
            }
        });
        String status = response.path("Status").asString("");
        if (status.equals("FAILED")) {
            throw new IllegalStateException(
                    what + " failed: " + response.path("Reason").asString("(no reason given)"));
        }
        String physicalId = response.path("PhysicalResourceId").asString("");
        if (!status.equals("SUCCESS") || physicalId.isEmpty()) {
            throw new IllegalStateException(
                    what + " got a response without Status SUCCESS or FAILED and a PhysicalResourceId: " + response);
        }
        Map<String, String> data = new LinkedHashMap<>();
        response.path("Data")
                .properties()
                .forEach(entry -> data.put(entry.getKey(), entry.getValue().asString()));
        stack.recordCustomResource(resource.logicalId(), physicalId, data);
    }
}
