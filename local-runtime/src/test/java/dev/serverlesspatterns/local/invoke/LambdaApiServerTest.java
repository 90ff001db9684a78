package dev.serverlesspatterns.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The local Lambda Invoke API, called by the real AWS SDK LambdaClient, for messaging.yaml provisioned in moto. */
@ExtendWith(SharedEmulator.class)
class LambdaApiServerTest {

    private static final String ORDER_EVENT = "{\"orderId\":\"o-42\",\"kind\":\"urgent\"}";
    private static final String STACK_NAME = "invoke-api";
    private static final String NOTIFY = STACK_NAME + "-NotifyFunction";
    private static final RetryDelays SHORT_DELAYS = new RetryDelays(Duration.ofMillis(50), Duration.ofMillis(50));

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static Stack stack;

    private AsyncInvocations asyncInvocations;
    private LambdaApiServer api;
    private LambdaClient lambda;

    @BeforeAll
    static void provisionTheMessagingTemplate(AwsEmulator shared) throws URISyntaxException {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        sns = emulator.endpoint().configure(SnsClient.builder());
        SamTemplate messaging = SamTemplate.load(Path.of(LambdaApiServerTest.class
                .getResource("/templates/messaging.yaml")
                .toURI()));
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
    void requestResponseReturnsTheFunctionsPayload() {
        // given the notify function behind the Invoke API
        RecordingFunction function = RecordingFunction.succeeding();
        start(function);

        // when the SDK invokes it by name and waits for the answer
        InvokeResponse response = lambda.invoke(request -> request.functionName(NOTIFY)
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String(ORDER_EVENT)));

        // then the function got the event and the SDK gets its payload, as from Lambda
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo(RecordingFunction.ANSWER);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(function.calls()).singleElement().satisfies(call -> {
            assertThat(call.functionLogicalId()).isEqualTo("NotifyFunction");
            assertThat(call.event()).isEqualTo(ORDER_EVENT);
        });
    }

    @ParameterizedTest
    @MethodSource("namesOfTheNotifyFunction")
    void findsTheFunctionByEveryNameLambdaAccepts(String functionName) {
        // given the notify function behind the Invoke API
        RecordingFunction function = RecordingFunction.succeeding();
        start(function);

        // when the SDK invokes it by this name
        InvokeResponse response = lambda.invoke(
                request -> request.functionName(functionName).payload(SdkBytes.fromUtf8String(ORDER_EVENT)));

        // then the notify function ran
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(function.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.functionLogicalId()).isEqualTo("NotifyFunction"));
    }

    static Stream<String> namesOfTheNotifyFunction() {
        return Stream.of(
                NOTIFY,
                functionArn(NOTIFY),
                AwsEndpoint.ACCOUNT_ID + ":function:" + NOTIFY,
                NOTIFY + ":live",
                functionArn(NOTIFY) + ":$LATEST");
    }

    @Test
    void acceptsTheQualifierAsAParameter() {
        // given the notify function behind the Invoke API
        RecordingFunction function = RecordingFunction.succeeding();
        start(function);

        // when the SDK invokes its live alias with the Qualifier parameter
        InvokeResponse response = lambda.invoke(request ->
                request.functionName(NOTIFY).qualifier("live").payload(SdkBytes.fromUtf8String(ORDER_EVENT)));

        // then the function ran
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(function.calls()).hasSize(1);
    }

    @Test
    void failingFunctionReportsAnUnhandledErrorWithItsPayload() {
        // given a function that fails
        start(RecordingFunction.alwaysFailing());

        // when the SDK invokes it synchronously
        InvokeResponse response =
                lambda.invoke(request -> request.functionName(NOTIFY).payload(SdkBytes.fromUtf8String(ORDER_EVENT)));

        // then, as with Lambda, the call succeeds and the function error travels in the response
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).isEqualTo(RecordingFunction.ERROR);
    }

    @Test
    void aCallerThatGivesUpDoesNotWedgeTheApi() throws InterruptedException {
        // given a function that runs until the test lets it finish, and a caller that waits for it 300 ms only
        CountDownLatch finish = new CountDownLatch(1);
        RecordingFunction slow = RecordingFunction.succeeding().whileRunning(() -> awaitQuietly(finish));
        Map<String, RecordingFunction> functions = Map.of("NotifyFunction", slow);
        RecordingFunction quick = RecordingFunction.succeeding();
        start((logicalId, event) -> functions.getOrDefault(logicalId, quick).invoke(logicalId, event));
        assertThatThrownBy(() -> lambda.invoke(request -> request.functionName(NOTIFY)
                        .payload(SdkBytes.fromUtf8String(ORDER_EVENT))
                        .overrideConfiguration(call -> call.apiCallTimeout(Duration.ofMillis(300)))))
                .isInstanceOf(ApiCallTimeoutException.class);

        // when another caller invokes another function while the first invocation still runs
        InvokeResponse response = lambda.invoke(request -> request.functionName(STACK_NAME + "-ProcessWorkFunction")
                .payload(SdkBytes.fromUtf8String(ORDER_EVENT)));

        // then it gets its answer, and the abandoned invocation's late answer goes nowhere once it finishes
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo(RecordingFunction.ANSWER);
        finish.countDown();
        InvokeResponse after =
                lambda.invoke(request -> request.functionName(NOTIFY).payload(SdkBytes.fromUtf8String(ORDER_EVENT)));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(slow.calls()).hasSize(2);
    }

    @Test
    void eventInvocationIsAcceptedAtOnceAndRunsLater() throws InterruptedException {
        // given a function that keeps running until the test lets it finish
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        RecordingFunction function = RecordingFunction.succeeding().whileRunning(() -> {
            running.countDown();
            awaitQuietly(finish);
        });
        start(function);

        // when the SDK invokes it with InvocationType Event
        InvokeResponse response = lambda.invoke(request -> request.functionName(NOTIFY)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(ORDER_EVENT)));

        // then Lambda's 202 arrives while the function still runs, and the function got the event
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.payload().asByteArray()).isEmpty();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(finish.getCount()).isEqualTo(1);
        finish.countDown();
        assertThat(function.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.event()).isEqualTo(ORDER_EVENT));
    }

    @Test
    void dryRunChecksTheRequestWithoutRunningTheFunction() {
        // given the notify function behind the Invoke API
        RecordingFunction function = RecordingFunction.succeeding();
        start(function);

        // when the SDK asks for a dry run
        InvokeResponse response = lambda.invoke(request -> request.functionName(NOTIFY)
                .invocationType(InvocationType.DRY_RUN)
                .payload(SdkBytes.fromUtf8String(ORDER_EVENT)));

        // then Lambda's 204 comes back and nothing ran
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(function.calls()).isEmpty();
    }

    @Test
    void unknownFunctionIsResourceNotFound() {
        // given the Invoke API of the template's functions
        start(RecordingFunction.succeeding());

        // when the SDK invokes a function the template does not declare
        // then it throws Lambda's ResourceNotFoundException, naming the function's ARN
        assertThatThrownBy(() -> lambda.invoke(request ->
                        request.functionName("missing-function").payload(SdkBytes.fromUtf8String(ORDER_EVENT))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, notFound -> {
                    assertThat(notFound.statusCode()).isEqualTo(404);
                    assertThat(notFound.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: " + functionArn("missing-function"));
                });
    }

    @Test
    void unknownVersionIsResourceNotFound() {
        // given the Invoke API of the template's functions, which have $LATEST and the live alias only
        start(RecordingFunction.succeeding());

        // when the SDK invokes version 7
        // then it throws ResourceNotFoundException for the qualified ARN
        assertThatThrownBy(() -> lambda.invoke(
                        request -> request.functionName(NOTIFY + ":7").payload(SdkBytes.fromUtf8String(ORDER_EVENT))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: " + functionArn(NOTIFY) + ":7");
    }

    @Test
    void unknownInvocationTypeIsAnInvalidParameter() {
        // given the Invoke API
        RecordingFunction function = RecordingFunction.succeeding();
        start(function);

        // when the SDK sends an invocation type Lambda does not know
        // then it throws InvalidParameterValueException and nothing runs
        assertThatThrownBy(() -> lambda.invoke(request -> request.functionName(NOTIFY)
                        .invocationType("Later")
                        .payload(SdkBytes.fromUtf8String(ORDER_EVENT))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThat(function.calls()).isEmpty();
    }

    @Test
    void payloadThatIsNotJsonIsInvalidContent() {
        // given the Invoke API
        RecordingFunction function = RecordingFunction.succeeding();
        start(function);

        // when the SDK sends a payload that is not JSON
        // then it throws InvalidRequestContentException and nothing runs
        assertThatThrownBy(() -> lambda.invoke(
                        request -> request.functionName(NOTIFY).payload(SdkBytes.fromUtf8String("order o-42"))))
                .isInstanceOf(InvalidRequestContentException.class);
        assertThat(function.calls()).isEmpty();
    }

    @Test
    void synchronousPayloadOverSixMegabytesIsTooLarge() {
        // given the Invoke API
        RecordingFunction function = RecordingFunction.succeeding();
        start(function);

        // when the SDK sends a synchronous payload one byte over Lambda's 6 MB quota
        SdkBytes payload = jsonStringOfSize(LambdaApiServer.SYNCHRONOUS_PAYLOAD_LIMIT + 1);

        // then it throws RequestTooLargeException and nothing runs
        assertThatThrownBy(() ->
                        lambda.invoke(request -> request.functionName(NOTIFY).payload(payload)))
                .isInstanceOf(RequestTooLargeException.class);
        assertThat(function.calls()).isEmpty();
    }

    @Test
    void asynchronousPayloadOverTheAsyncQuotaIsTooLarge() {
        // given the Invoke API
        RecordingFunction function = RecordingFunction.succeeding();
        start(function);

        // when the SDK sends an Event payload one byte over Lambda's 1 MB asynchronous quota
        SdkBytes payload = jsonStringOfSize(LambdaApiServer.ASYNCHRONOUS_PAYLOAD_LIMIT + 1);

        // then it throws RequestTooLargeException and nothing is queued
        assertThatThrownBy(() -> lambda.invoke(request -> request.functionName(NOTIFY)
                        .invocationType(InvocationType.EVENT)
                        .payload(payload)))
                .isInstanceOf(RequestTooLargeException.class);
        assertThat(function.calls()).isEmpty();
    }

    private void start(LambdaInvoker function) {
        asyncInvocations = new AsyncInvocations(
                stack.template(), stack.intrinsics(), function, sqs, sns, Clock.systemUTC(), SHORT_DELAYS);
        api = LambdaApiServer.start(stack, function, asyncInvocations, 0);
        lambda = LambdaClient.builder()
                .endpointOverride(api.endpoint())
                .region(Region.of(emulator.endpoint().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(configuration -> configuration.apiCallTimeout(Duration.ofSeconds(20)))
                .build();
    }

    /** The ARN Lambda gives a function of this name in the emulator's region and account. */
    private static String functionArn(String functionName) {
        return "arn:aws:lambda:" + emulator.endpoint().region() + ":" + AwsEndpoint.ACCOUNT_ID + ":function:"
                + functionName;
    }

    /** A JSON string literal of exactly {@code size} bytes. */
    private static SdkBytes jsonStringOfSize(int size) {
        return SdkBytes.fromUtf8String("\"" + "x".repeat(size - 2) + "\"");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
