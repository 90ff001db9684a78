package dev.serverlesspatterns.checkout.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.checkout.CheckoutIds;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /checkouts/{checkoutId}}: the caller's checkout as its execution stands. A failed step's cause is the
 * function's error document; only its message is passed on (the stack trace stays in the execution's history).
 */
@Component("getCheckout")
class GetCheckout implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;
    private final ApiResponses responses;
    private final CheckoutExecutions executions;
    private final JsonMapper json;

    GetCheckout(ApiHandler api, ApiResponses responses, CheckoutExecutions executions, JsonMapper json) {
        this.api = api;
        this.responses = responses;
        this.executions = executions;
        this.json = json;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::get);
    }

    private APIGatewayProxyResponseEvent get(APIGatewayProxyRequestEvent request) {
        Caller caller = Caller.of(request);
        caller.require(Scopes.READ);
        String checkoutId = Optional.ofNullable(request.getPathParameters())
                .map(parameters -> parameters.get("checkoutId"))
                .orElse(null);
        DescribeExecutionResponse execution = Optional.ofNullable(checkoutId)
                .filter(CheckoutIds::isWellFormed)
                .flatMap(executions::describe)
                .filter(found -> caller.principalId().equals(customerOf(found)))
                .orElseThrow(() -> new ApiProblemException(
                        ApiProblem.of(404, "CHECKOUT_NOT_FOUND", "You have no checkout " + checkoutId + ".")));
        return responses.json(
                200,
                new CheckoutStatus(
                        checkoutId, execution.statusAsString(), execution.error(), messageOf(execution.cause())));
    }

    private String customerOf(DescribeExecutionResponse execution) {
        return json.readTree(execution.input()).path("customerId").asString();
    }

    /** A Lambda error's cause is {@code {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}}. */
    private String messageOf(String cause) {
        if (cause == null) {
            return null;
        }
        try {
            JsonNode document = json.readTree(cause);
            return document.path("errorMessage").asString(cause);
        } catch (JacksonException notJson) {
            return cause;
        }
    }
}
