package dev.serverlesspatterns.partners.partner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiResponses;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The answers of a partner route when the partner is not used or fails: never a 500, each with a stable code. A
 * refusal by a breaker is 503 PARTNER_UNAVAILABLE with {@code Retry-After}; a failed call is 502 PARTNER_ERROR, or
 * 504 PARTNER_TIMEOUT when it ran out of time.
 */
@Component
public class PartnerProblems {

    private final ApiResponses responses;

    PartnerProblems(ApiResponses responses) {
        this.responses = responses;
    }

    public APIGatewayProxyResponseEvent unavailable(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        APIGatewayProxyResponseEvent response = responses.problem(ApiProblem.of(
                503,
                "PARTNER_UNAVAILABLE",
                "The shipping partner is failing; calls are paused. Retry after " + seconds + " s."));
        Map<String, String> headers = new HashMap<>(response.getHeaders());
        headers.put("Retry-After", Long.toString(seconds));
        return response.withHeaders(headers);
    }

    public APIGatewayProxyResponseEvent failed(PartnerCallFailed failure) {
        return failure.timedOut()
                ? responses.problem(
                        ApiProblem.of(504, "PARTNER_TIMEOUT", "The shipping partner did not answer in time."))
                : responses.problem(ApiProblem.of(502, "PARTNER_ERROR", "The shipping partner failed to answer."));
    }
}
