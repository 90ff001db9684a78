package dev.serverlesspatterns.partners.failures;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.partners.PartnersProperties;
import dev.serverlesspatterns.partners.breaker.BreakerOpen;
import dev.serverlesspatterns.partners.partner.PartnerApi;
import dev.serverlesspatterns.partners.partner.PartnerCallFailed;
import dev.serverlesspatterns.partners.partner.PartnerProblems;
import dev.serverlesspatterns.partners.partner.Route;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * {@code GET /delivery-estimates?from&to}: the partner's delivery estimate, through the EventBridge Circuit Breaker.
 * While the partner has failed too often within the window the answer is 503 PARTNER_UNAVAILABLE at once.
 */
@Component("estimateDelivery")
class EstimateDelivery implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;
    private final ApiResponses responses;
    private final PartnerProblems problems;
    private final EventBridgeCircuitBreaker breaker;
    private final PartnerApi partner;
    private final String target;

    EstimateDelivery(
            ApiHandler api,
            ApiResponses responses,
            PartnerProblems problems,
            EventBridgeCircuitBreaker breaker,
            PartnerApi partner,
            PartnersProperties properties) {
        this.api = api;
        this.responses = responses;
        this.problems = problems;
        this.breaker = breaker;
        this.partner = partner;
        this.target = properties.failures().target();
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::estimate);
    }

    private APIGatewayProxyResponseEvent estimate(APIGatewayProxyRequestEvent request) {
        Caller.of(request).require(Route.SCOPE);
        Route route = Route.of(request.getQueryStringParameters(), false);
        try {
            return responses.json(200, breaker.call(target, () -> partner.deliveryEstimate(route.from(), route.to())));
        } catch (BreakerOpen open) {
            return problems.unavailable(open.retryAfter());
        } catch (PartnerCallFailed failed) {
            return problems.failed(failed);
        }
    }
}
