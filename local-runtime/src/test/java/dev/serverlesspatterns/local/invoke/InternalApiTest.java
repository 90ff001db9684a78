package dev.serverlesspatterns.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.internalapi.CalleeFailure;
import dev.serverlesspatterns.platform.internalapi.InternalApi;
import dev.serverlesspatterns.platform.internalapi.InternalApiException;
import dev.serverlesspatterns.platform.internalapi.InternalApiProperties;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's {@link InternalApi} against the local Lambda Invoke API, with the real SDK {@code LambdaClient}:
 * what each callee outcome becomes for the caller. The callee is a scripted function host behind the real API.
 */
@ExtendWith(SharedEmulator.class)
class InternalApiTest {

    private static final String STACK_NAME = "internal-api";
    private static final String NOTIFY = STACK_NAME + "-NotifyFunction";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Lookup(String orderId) {}

    record Answer(String status) {}

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static Stack stack;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private AsyncInvocations asyncInvocations;
    private LambdaApiServer api;
    private LambdaClient lambda;

    @BeforeAll
    static void provisionTheMessagingTemplate(AwsEmulator shared) throws URISyntaxException {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        sns = emulator.endpoint().configure(SnsClient.builder());
        SamTemplate messaging = SamTemplate.load(Path.of(
                InternalApiTest.class.getResource("/templates/messaging.yaml").toURI()));
        stack = Provisioner.provision(messaging, emulator.endpoint(), STACK_NAME, Map.of());
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
        sns.close();
    }

    @AfterEach
    void stopTheApi() {
        lambda.close();
        api.close();
        asyncInvocations.close();
    }

    @Test
    void theCalleesAnswerIsTheResult() {
        // given a callee that answers
        InternalApi internalApi = calling(answering("{\"status\":\"SHIPPED\"}", null));

        // when the caller calls it with a request
        Answer answer = internalApi.call(NOTIFY, new Lookup("o-42"), Answer.class, Duration.ofSeconds(5));

        // then it gets the callee's answer, and the callee got the request as JSON
        assertThat(answer).isEqualTo(new Answer("SHIPPED"));
        assertThat(events).containsExactly("{\"orderId\":\"o-42\"}");
    }

    @Test
    void aFunctionErrorIsCalleeFailedAndNeverAResult() {
        // given a callee whose code throws
        InternalApi internalApi = calling(answering(
                "{\"errorType\":\"java.lang.IllegalStateException\",\"errorMessage\":\"table gone\"}", "Unhandled"));

        // when the caller calls it
        // then the call throws CALLEE_FAILED, a 502 problem that keeps the callee's error type for the log only
        assertThatThrownBy(() -> internalApi.call(NOTIFY, new Lookup("o-42"), Answer.class, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(InternalApiException.class, failed -> {
                    assertThat(failed.failure()).isEqualTo(CalleeFailure.CALLEE_FAILED);
                    assertThat(failed.calleeErrorType()).isEqualTo("java.lang.IllegalStateException");
                    assertThat(failed.functionName()).isEqualTo(NOTIFY + ":live");
                    ApiProblem problem = failed.problem();
                    assertThat(problem.status()).isEqualTo(502);
                    assertThat(problem.code()).isEqualTo("CALLEE_FAILED");
                    assertThat(problem.detail()).doesNotContain("table gone");
                    assertThat(failed.getCause()).hasMessageContaining("table gone");
                });
    }

    @Test
    void aCalleePastItsOwnTimeoutIsCalleeTimedOut() {
        // given a callee that Lambda reports as timed out (its runtime's error, not its code's)
        InternalApi internalApi = calling(answering(
                "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: 1 Error: Task timed out after 10.00 seconds\"}",
                "Unhandled"));

        // when the caller calls it
        // then the call throws CALLEE_TIMED_OUT, a 504
        assertThatThrownBy(() -> internalApi.call(NOTIFY, new Lookup("o-42"), Answer.class, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(InternalApiException.class, timedOut -> {
                    assertThat(timedOut.failure()).isEqualTo(CalleeFailure.CALLEE_TIMED_OUT);
                    assertThat(timedOut.problem().status()).isEqualTo(504);
                });
    }

    @Test
    void aCalleeSlowerThanTheBudgetIsCalleeTimedOutAtTheBudget() {
        // given a callee that takes three seconds
        InternalApi internalApi = calling((id, event) -> {
            sleep(Duration.ofSeconds(3));
            return new InvocationResult("{\"status\":\"LATE\"}".getBytes(StandardCharsets.UTF_8), null);
        });

        // when the caller gives it a budget of 500 ms
        long started = System.nanoTime();
        // then the call throws CALLEE_TIMED_OUT after about the budget, not after the callee's run
        assertThatThrownBy(() -> internalApi.call(NOTIFY, new Lookup("o-42"), Answer.class, Duration.ofMillis(500)))
                .isInstanceOfSatisfying(
                        InternalApiException.class,
                        timedOut -> assertThat(timedOut.failure()).isEqualTo(CalleeFailure.CALLEE_TIMED_OUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(450), Duration.ofMillis(2500));
    }

    @Test
    void anUnknownFunctionIsCalleeUnavailable() {
        // given the Invoke API of the template's functions
        InternalApi internalApi = calling(answering("{}", null));

        // when the caller calls a function the template does not declare
        // then the call throws CALLEE_UNAVAILABLE, a 502, and nothing ran
        assertThatThrownBy(() ->
                        internalApi.call("missing-function", new Lookup("o-42"), Answer.class, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(InternalApiException.class, unavailable -> {
                    assertThat(unavailable.failure()).isEqualTo(CalleeFailure.CALLEE_UNAVAILABLE);
                    assertThat(unavailable.problem().status()).isEqualTo(502);
                });
        assertThat(events).isEmpty();
    }

    @Test
    void anAnswerOfAnotherShapeIsCalleeFailed() {
        // given a callee that answers something that is not the expected result
        InternalApi internalApi = calling(answering("[1,2,3]", null));

        // when the caller calls it
        // then the call throws CALLEE_FAILED instead of returning half a result
        assertThatThrownBy(() -> internalApi.call(NOTIFY, new Lookup("o-42"), Answer.class, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        InternalApiException.class,
                        failed -> assertThat(failed.failure()).isEqualTo(CalleeFailure.CALLEE_FAILED));
    }

    private LambdaInvoker answering(String payload, String functionError) {
        return (id, event) -> new InvocationResult(payload.getBytes(StandardCharsets.UTF_8), functionError);
    }

    /** The real Invoke API in front of the scripted callee, and the platform's client calling its live alias. */
    private InternalApi calling(LambdaInvoker callee) {
        LambdaInvoker recording = (id, event) -> {
            events.add(new String(event, StandardCharsets.UTF_8));
            return callee.invoke(id, event);
        };
        asyncInvocations = new AsyncInvocations(
                stack.template(),
                stack.intrinsics(),
                recording,
                sqs,
                sns,
                Clock.systemUTC(),
                new RetryDelays(Duration.ofMillis(50), Duration.ofMillis(50)));
        api = LambdaApiServer.start(stack, recording, asyncInvocations, 0);
        lambda = LambdaClient.builder()
                .endpointOverride(api.endpoint())
                .region(Region.of(emulator.endpoint().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        return new InternalApi(lambda, JSON, new InternalApiProperties("live"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
