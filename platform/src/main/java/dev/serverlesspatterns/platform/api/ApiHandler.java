package dev.serverlesspatterns.platform.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a route's logic and turns its outcome into an API Gateway response: problems become their status
 * with the problem body, anything unexpected becomes a 500 whose body reveals nothing but a request id.
 */
public class ApiHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

    private final ApiResponses responses;

    public ApiHandler(ApiResponses responses) {
        this.responses = responses;
    }

    public APIGatewayProxyResponseEvent handle(
            APIGatewayProxyRequestEvent request,
            Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> logic) {
        try {
            return logic.apply(request);
        } catch (ApiProblemException rejected) {
            return responses.problem(rejected.problem());
        } catch (RuntimeException unexpected) {
            String requestId = request.getRequestContext() == null
                    ? "unknown"
                    : request.getRequestContext().getRequestId();
            log.error(
                    "Request {} {} failed (request id {})",
                    request.getHttpMethod(),
                    request.getPath(),
                    requestId,
                    unexpected);
            return responses.problem(
                    ApiProblem.of(500, "INTERNAL_ERROR", "The request failed; quote request id " + requestId + "."));
        }
    }
}
