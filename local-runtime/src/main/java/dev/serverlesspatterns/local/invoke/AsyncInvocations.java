package dev.serverlesspatterns.local.invoke;

import dev.serverlesspatterns.local.invoke.InvocationRecord.Condition;
import dev.serverlesspatterns.local.lambda.AsyncInvoker;
import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.FunctionDefinition.EventInvokeConfig;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lambda's asynchronous invocation (InvocationType Event): the caller gets a request id at once, the event waits
 * in a queue, and a function error is retried up to the function's {@code MaximumRetryAttempts}, with Lambda's
 * delays in between, while the event is younger than {@code MaximumEventAgeInSeconds}. An event that still
 * failed, or grew too old, goes to the function's on-failure destination as one invocation record; without a
 * destination it is dropped, as on AWS, with a warning in the log.
 */
public final class AsyncInvocations implements AsyncInvoker, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AsyncInvocations.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Functions running at once for asynchronous invokes; further events wait their turn, as in Lambda's queue. */
    private static final int CONCURRENT_INVOCATIONS = 8;

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final Map<String, AsyncFunction> functions;
    private final LambdaInvoker invoker;
    private final Clock clock;
    private final RetryDelays retryDelays;
    private final Semaphore running = new Semaphore(CONCURRENT_INVOCATIONS);
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("async-invoke-", 0).factory());

    /**
     * A template function with its {@code EventInvokeConfig} resolved against the stack.
     *
     * @param onFailure null when the function has no on-failure destination
     */
    private record AsyncFunction(
            String logicalId,
            String arn,
            int maximumRetryAttempts,
            Duration maximumEventAge,
            FailureDestination onFailure) {}

    private record QueuedEvent(
            String requestId, AsyncFunction function, byte[] event, JsonNode payload, Instant acceptedAt) {}

    /**
     * @param template the template whose functions are invoked; each one's {@code EventInvokeConfig} applies
     * @param intrinsics resolves function ARNs and on-failure destinations against the provisioned stack
     * @param retryDelays {@link RetryDelays#LAMBDA} for a local run; shorter in tests
     */
    public AsyncInvocations(
            SamTemplate template,
            Intrinsics intrinsics,
            LambdaInvoker invoker,
            SqsClient sqs,
            SnsClient sns,
            Clock clock,
            RetryDelays retryDelays) {
        this.functions = template.functions().stream()
                .map(function -> asyncFunction(function, intrinsics, sqs, sns))
                .collect(Collectors.toUnmodifiableMap(AsyncFunction::logicalId, Function.identity()));
        this.invoker = invoker;
        this.clock = clock;
        this.retryDelays = retryDelays;
    }

    /** @throws IllegalArgumentException for an unknown function, or an event that is not JSON (Lambda refuses it) */
    @Override
    public String invokeAsync(String functionLogicalId, byte[] event) {
        AsyncFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("The template declares no function " + functionLogicalId);
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(event);
        } catch (JacksonException notJson) {
            throw new IllegalArgumentException("The event for " + functionLogicalId + " is not JSON", notJson);
        }
        QueuedEvent queued = new QueuedEvent(UUID.randomUUID().toString(), function, event, payload, clock.instant());
        workers.execute(() -> deliverOrLog(queued));
        return queued.requestId();
    }

    /** Stops the workers; events still waiting for an attempt or a retry are dropped. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Asynchronous invocations still running after {}", SHUTDOWN_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliverOrLog(QueuedEvent event) {
        try {
            deliver(event);
        } catch (InterruptedException stopping) {
            log.info(
                    "Dropped asynchronous invocation {} of {}: the local runtime is stopping",
                    event.requestId(),
                    event.function().logicalId());
        } catch (RuntimeException failure) {
            log.error(
                    "Asynchronous invocation {} of {} could not be completed",
                    event.requestId(),
                    event.function().logicalId(),
                    failure);
        }
    }

    private void deliver(QueuedEvent event) throws InterruptedException {
        AsyncFunction function = event.function();
        InvocationResult response = null;
        int attempts = 0;
        do {
            if (attempts > 0) {
                Thread.sleep(retryDelays.before(attempts));
            }
            if (Duration.between(event.acceptedAt(), clock.instant()).compareTo(function.maximumEventAge()) > 0) {
                giveUp(event, Condition.EVENT_AGE_EXCEEDED, attempts, response);
                return;
            }
            response = attempt(event);
            attempts++;
            if (!response.failed()) {
                return;
            }
            log.info(
                    "Asynchronous invocation {} of {} failed on attempt {} ({})",
                    event.requestId(),
                    function.logicalId(),
                    attempts,
                    response.functionError());
        } while (attempts <= function.maximumRetryAttempts());
        giveUp(event, Condition.RETRIES_EXHAUSTED, attempts, response);
    }

    private InvocationResult attempt(QueuedEvent event) throws InterruptedException {
        running.acquire();
        try {
            return invoker.invoke(event.function().logicalId(), event.event());
        } catch (RuntimeException hostFailure) {
            if (Thread.interrupted()) {
                throw new InterruptedException("Stopped during an attempt");
            }
            // The hosts report crashes and timeouts as function errors themselves; a host that fails otherwise (a
            // fault of the local runtime) is retried like an unhandled function error too.
            log.warn(
                    "Asynchronous invocation {} of {} did not complete",
                    event.requestId(),
                    event.function().logicalId(),
                    hostFailure);
            return new InvocationResult(
                    JSON.writeValueAsBytes(Map.of(
                            "errorMessage",
                            String.valueOf(hostFailure.getMessage()),
                            "errorType",
                            hostFailure.getClass().getName())),
                    "Unhandled");
        } finally {
            running.release();
        }
    }

    private void giveUp(QueuedEvent event, Condition condition, int attempts, InvocationResult lastResponse) {
        AsyncFunction function = event.function();
        if (function.onFailure() == null) {
            log.warn(
                    "Dropped asynchronous invocation {} of {} ({} after {} attempts): it has no on-failure destination",
                    event.requestId(),
                    function.logicalId(),
                    condition,
                    attempts);
            return;
        }
        String record = new InvocationRecord(
                        event.requestId(),
                        function.arn(),
                        condition,
                        attempts,
                        event.payload(),
                        lastResponse,
                        clock.instant())
                .toJson();
        function.onFailure().send(record);
        log.info(
                "Sent asynchronous invocation {} of {} to {} ({} after {} attempts)",
                event.requestId(),
                function.logicalId(),
                function.onFailure().arn(),
                condition,
                attempts);
    }

    private static AsyncFunction asyncFunction(
            FunctionDefinition function, Intrinsics intrinsics, SqsClient sqs, SnsClient sns) {
        EventInvokeConfig config = function.eventInvokeConfig();
        if (config.maximumRetryAttempts() < 0 || config.maximumRetryAttempts() > 2) {
            throw new IllegalStateException(function.logicalId() + " asks for " + config.maximumRetryAttempts()
                    + " retries of asynchronous invocations; Lambda allows 0 to 2");
        }
        String arn = intrinsics.resolveString(Map.of("Fn::GetAtt", List.of(function.logicalId(), "Arn")));
        FailureDestination onFailure = config.onFailureDestination() == null
                ? null
                : FailureDestination.of(
                        function.logicalId(), intrinsics.resolveString(config.onFailureDestination()), sqs, sns);
        return new AsyncFunction(
                function.logicalId(),
                arn,
                config.maximumRetryAttempts(),
                Duration.ofSeconds(config.maximumEventAgeInSeconds()),
                onFailure);
    }
}
