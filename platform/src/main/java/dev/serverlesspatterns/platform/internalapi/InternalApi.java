package dev.serverlesspatterns.platform.internalapi;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a function that has no public route, synchronously, through the Lambda Invoke API (RequestResponse) on its
 * alias. Each call has its own time budget: the SDK's call and attempt timeouts are set from it, so the client's
 * retries (of throttling and service errors) happen inside it and a slow callee costs the caller no more than it.
 *
 * <p>Lambda answers a failed function with status 200, the {@code X-Amz-Function-Error} header and the error as the
 * payload. This client checks that header and never returns such a payload as a result: every call either returns
 * the callee's answer or throws {@link InternalApiException} with a {@link CalleeFailure}.
 */
public class InternalApi {

    /** What the callee's Lambda reports when the function ran past its own {@code Timeout}. */
    static final String CALLEE_TIMEOUT_ERROR_TYPE = "Sandbox.Timedout";

    private static final Logger log = LoggerFactory.getLogger(InternalApi.class);

    private final LambdaClient lambda;
    private final JsonMapper json;
    private final String qualifier;

    public InternalApi(LambdaClient lambda, JsonMapper json, InternalApiProperties properties) {
        this.lambda = lambda;
        this.json = json;
        this.qualifier = properties.qualifier();
    }

    /**
     * Invokes the function's alias with the request as JSON and reads its answer.
     *
     * @param functionName the callee's name or ARN, unqualified (the alias is added)
     * @param budget the most this call may take, retries included
     * @return the callee's answer; null only when the callee answered {@code null}
     * @throws InternalApiException when there is no answer to return
     */
    public <T> T call(String functionName, Object request, Class<T> responseType, Duration budget) {
        InvokeResponse response = invoke(functionName, request, budget);
        byte[] payload =
                response.payload() == null ? new byte[0] : response.payload().asByteArray();
        if (response.functionError() != null) {
            throw calleeError(functionName, response.functionError(), payload);
        }
        if (payload.length == 0) {
            return null;
        }
        try {
            return json.readValue(payload, responseType);
        } catch (JacksonException unreadable) {
            throw new InternalApiException(CalleeFailure.CALLEE_FAILED, qualified(functionName), unreadable);
        }
    }

    /**
     * Asks Lambda whether the call could be made, running nothing (InvocationType DryRun): SnapStart priming warms the
     * client with it. A refusal is logged, not thrown: it tells what the real calls would meet.
     */
    public void dryRun(String functionName) {
        try {
            lambda.invoke(invoke -> invoke.functionName(functionName)
                    .qualifier(qualifier)
                    .invocationType(InvocationType.DRY_RUN)
                    .payload(SdkBytes.fromUtf8String("{}")));
        } catch (SdkException refused) {
            log.warn(
                    "A DryRun call to {} was refused; internal calls would fail the same way",
                    qualified(functionName),
                    refused);
        }
    }

    private InvokeResponse invoke(String functionName, Object request, Duration budget) {
        SdkBytes payload = SdkBytes.fromByteArray(json.writeValueAsBytes(request));
        try {
            return lambda.invoke(invoke -> invoke.functionName(functionName)
                    .qualifier(qualifier)
                    .invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(payload)
                    .overrideConfiguration(call -> call.apiCallTimeout(budget).apiCallAttemptTimeout(budget)));
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException outOfBudget) {
            throw new InternalApiException(CalleeFailure.CALLEE_TIMED_OUT, qualified(functionName), outOfBudget);
        } catch (TooManyRequestsException throttled) {
            throw new InternalApiException(CalleeFailure.CALLEE_THROTTLED, qualified(functionName), throttled);
        } catch (SdkException unavailable) {
            throw new InternalApiException(CalleeFailure.CALLEE_UNAVAILABLE, qualified(functionName), unavailable);
        }
    }

    /** Lambda's error payload is {@code {"errorType": ..., "errorMessage": ...}}; a timeout is the runtime's own. */
    private InternalApiException calleeError(String functionName, String functionError, byte[] payload) {
        String errorType = "unknown";
        String errorMessage = "";
        try {
            JsonNode error = json.readTree(payload);
            errorType = error.path("errorType").asString(errorType);
            errorMessage = error.path("errorMessage").asString(errorMessage);
        } catch (JacksonException unreadable) {
            errorMessage = "an error payload that is not JSON";
        }
        CalleeFailure failure = CALLEE_TIMEOUT_ERROR_TYPE.equals(errorType)
                ? CalleeFailure.CALLEE_TIMED_OUT
                : CalleeFailure.CALLEE_FAILED;
        return new InternalApiException(
                failure,
                qualified(functionName),
                errorType,
                functionError + " function error " + errorType + ": " + errorMessage);
    }

    private String qualified(String functionName) {
        return functionName + ":" + qualifier;
    }
}
