package dev.serverlesspatterns.checkout.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.checkout.CheckoutIds;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.checkout.StartCheckoutRequest;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import dev.serverlesspatterns.platform.api.RequestBodyReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * {@code POST /checkouts}: starts the checkout state machine for the caller's lines, card token and delivery country,
 * and answers 202 at once; {@code GET /checkouts/{checkoutId}} tells how it went. The execution is named by the
 * checkout id, derived from the caller and the required {@code Idempotency-Key}, so a retried request starts nothing
 * twice.
 */
@Component("startCheckout")
class StartCheckout implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ApiHandler api;
    private final RequestBodyReader bodies;
    private final ApiResponses responses;
    private final CheckoutExecutions executions;

    StartCheckout(ApiHandler api, RequestBodyReader bodies, ApiResponses responses, CheckoutExecutions executions) {
        this.api = api;
        this.bodies = bodies;
        this.responses = responses;
        this.executions = executions;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::start);
    }

    private APIGatewayProxyResponseEvent start(APIGatewayProxyRequestEvent request) {
        Caller caller = Caller.of(request);
        caller.require(Scopes.WRITE);
        IdempotencyKey key = IdempotencyKey.of(request);
        StartCheckoutRequest body = bodies.read(request, Schema.START_CHECKOUT, StartCheckoutRequest.class);
        requireOneLinePerSku(body);
        String checkoutId = CheckoutIds.derive(caller.principalId(), key.value());
        CheckoutExecutions.Start start = executions.start(new CheckoutInput(
                checkoutId, caller.principalId(), body.items(), body.cardToken(), body.deliveryCountry()));
        if (start == CheckoutExecutions.Start.KEY_REUSED) {
            throw new ApiProblemException(ApiProblem.of(
                    422,
                    "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key started a different checkout; use a new key for a new checkout."));
        }
        if (start == CheckoutExecutions.Start.REPLAYED) {
            // The first attempt's execution may have closed since: answer how it stands.
            String status = executions
                    .describe(checkoutId)
                    .map(execution -> execution.statusAsString())
                    .orElse("RUNNING");
            return accepted(checkoutId, status, true);
        }
        return accepted(checkoutId, "RUNNING", false);
    }

    /** Each sku once: the reservation takes a line's stock in one update per sku. */
    private static void requireOneLinePerSku(StartCheckoutRequest body) {
        Set<String> seen = new HashSet<>();
        List<ApiProblem.FieldError> repeated = new ArrayList<>();
        for (int i = 0; i < body.items().size(); i++) {
            String sku = body.items().get(i).sku();
            if (!seen.add(sku)) {
                repeated.add(new ApiProblem.FieldError(
                        "/items/" + i + "/sku", "sku " + sku + " is on an earlier line; list each sku once"));
            }
        }
        if (!repeated.isEmpty()) {
            throw new ApiProblemException(
                    ApiProblem.invalid("DUPLICATE_SKU", "The checkout lists a sku on more than one line.", repeated));
        }
    }

    /** The 202 answer; the execution's outcome is read with {@code GET /checkouts/{checkoutId}}. */
    private APIGatewayProxyResponseEvent accepted(String checkoutId, String status, boolean replayed) {
        APIGatewayProxyResponseEvent response = responses.json(202, new CheckoutStatus(checkoutId, status, null, null));
        Map<String, String> headers = new HashMap<>(response.getHeaders());
        headers.put("Location", "/checkouts/" + checkoutId);
        if (replayed) {
            headers.put(REPLAYED_HEADER, "true");
        }
        return response.withHeaders(headers);
    }
}
