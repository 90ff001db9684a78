package dev.serverlesspatterns.orders.order;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.PlaceOrderRequest;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import dev.serverlesspatterns.platform.api.RequestBodyReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * {@code POST /orders}. With an {@code Idempotency-Key} the order id is derived from the customer and the key
 * and the write only creates, so a retried request finds the order its first attempt wrote instead of placing
 * a second one. A new order's confirmation is handed off to the notifications service (Internal Handoff).
 */
@Component("placeOrder")
class PlaceOrder implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ApiHandler api;
    private final RequestBodyReader bodies;
    private final ApiResponses responses;
    private final OrderTable orders;
    private final OrderConfirmationHandoff confirmations;
    private final Clock clock;

    PlaceOrder(
            ApiHandler api,
            RequestBodyReader bodies,
            ApiResponses responses,
            OrderTable orders,
            OrderConfirmationHandoff confirmations,
            Clock clock) {
        this.api = api;
        this.bodies = bodies;
        this.responses = responses;
        this.orders = orders;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::place);
    }

    private APIGatewayProxyResponseEvent place(APIGatewayProxyRequestEvent request) {
        Caller caller = Caller.of(request);
        caller.require(Scopes.WRITE);
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        PlaceOrderRequest body = bodies.read(request, Schema.PLACE_ORDER, PlaceOrderRequest.class);
        requireOneLinePerSku(body);
        String fingerprint = RequestFingerprint.of(body);
        String orderId = key.map(k -> OrderIds.derive(caller.principalId(), k)).orElseGet(OrderIds::random);

        Order order = Order.open(orderId, caller.principalId(), body, fingerprint, Timestamps.now(clock));
        if (orders.insert(order)) {
            // Only the attempt that created the order hands off: a replay finds the order and confirms nothing twice.
            confirmations.handOff(order);
            return created(order, false);
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("Random order id " + orderId + " is taken already");
        }
        Order earlier = orders.find(orderId)
                .orElseThrow(() -> new IllegalStateException("Order " + orderId + " vanished after its insert failed"));
        if (!earlier.requestFingerprint().equals(fingerprint)) {
            throw new ApiProblemException(ApiProblem.of(
                    422,
                    "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for a different order; use a new key for a new order."));
        }
        return created(earlier, true);
    }

    /**
     * A line is addressed by its sku ({@code /orders/{id}/lines/{sku}/quantity}), so two lines with one sku would make
     * that address ambiguous. They are refused rather than merged: the lines may disagree on the price, and a merge
     * would store an order other than the one the client sent.
     */
    private static void requireOneLinePerSku(PlaceOrderRequest body) {
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
                    ApiProblem.invalid("DUPLICATE_SKU", "The order lists a sku on more than one line.", repeated));
        }
    }

    /** The 201 answer; also used by {@link PlaceOrderWarmUp}, which serializes it without placing anything. */
    APIGatewayProxyResponseEvent created(Order order, boolean replayed) {
        APIGatewayProxyResponseEvent response = responses.json(201, order);
        Map<String, String> headers = new HashMap<>(response.getHeaders());
        headers.put("Location", "/orders/" + order.orderId());
        if (replayed) {
            headers.put(REPLAYED_HEADER, "true");
        }
        return response.withHeaders(headers);
    }
}
