package dev.serverlesspatterns.partners.rates;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.partners.breaker.BreakerOpen;
import dev.serverlesspatterns.partners.breaker.SharedCircuitBreaker;
import dev.serverlesspatterns.partners.partner.PartnerApi;
import dev.serverlesspatterns.partners.partner.PartnerCallFailed;
import dev.serverlesspatterns.partners.partner.PartnerProblems;
import dev.serverlesspatterns.partners.partner.Route;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /shipping-rates?from&to&weightGrams}: the partner's rates for a parcel, through the breaker whose state all
 * instances share. While it is OPEN the answer is 503 PARTNER_UNAVAILABLE at once, without calling the partner.
 */
@Component("quoteShippingRates")
class QuoteShippingRates implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;
    private final ApiResponses responses;
    private final PartnerProblems problems;
    private final SharedCircuitBreaker breaker;
    private final PartnerApi partner;

    QuoteShippingRates(
            ApiHandler api,
            ApiResponses responses,
            PartnerProblems problems,
            SharedCircuitBreaker breaker,
            PartnerApi partner) {
        this.api = api;
        this.responses = responses;
        this.problems = problems;
        this.breaker = breaker;
        this.partner = partner;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::quote);
    }

    private APIGatewayProxyResponseEvent quote(APIGatewayProxyRequestEvent request) {
        Caller.of(request).require(Route.SCOPE);
        Route route = Route.of(request.getQueryStringParameters(), true);
        try {
            JsonNode rates = breaker.call(() -> partner.rates(route.from(), route.to(), route.weightGrams()));
            return responses.json(200, rates);
        } catch (BreakerOpen open) {
            return problems.unavailable(open.retryAfter());
        } catch (PartnerCallFailed failed) {
            return problems.failed(failed);
        }
    }
}
