package dev.serverlesspatterns.orderdetails.details;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.events.customers.CustomerProfile;
import dev.serverlesspatterns.events.orders.OrderSummary;
import dev.serverlesspatterns.events.shipping.Shipment;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code GET /orders/{orderId}/details}, the Aggregator: the order (orders service), the customer's profile (customers
 * service) and the order's shipment (shipping service), asked for in parallel, each within its own budget.
 *
 * <p>The partial-failure rule (the service README explains it):
 * <ul>
 *   <li>the order is required: no such order, or someone else's, is 404 {@code NOT_FOUND}; an orders service that
 *       failed, timed out or was throttled ends the request with the internal API's problem (502/504/503), since
 *       details without their order are no answer;
 *   <li>the customer and the shipment are optional: a part that failed or ran past its budget is left out, named in
 *       {@code missing} with its stable code, and the answer says {@code complete: false}. It is still a 200: the
 *       resource was found and the body says how complete it is (206 belongs to range requests).
 * </ul>
 * Nothing a callee does makes this route answer 500.
 *
 * <p>The caller reads only their own orders, so the customer to ask for is the caller, known before the order
 * arrives: that is what lets all three calls start at once.
 */
@Component("getOrderDetails")
class GetOrderDetails implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Logger log = LoggerFactory.getLogger(GetOrderDetails.class);

    /** Beyond its budget a call has timed out inside the SDK already; this only bounds a client that would not. */
    private static final Duration GRACE = Duration.ofMillis(250);

    private static final Pattern ORDER_ID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final ApiHandler api;
    private final ApiResponses responses;
    private final DetailsCallees callees;

    GetOrderDetails(ApiHandler api, ApiResponses responses, DetailsCallees callees) {
        this.api = api;
        this.responses = responses;
        this.callees = callees;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::details);
    }

    private APIGatewayProxyResponseEvent details(APIGatewayProxyRequestEvent request) {
        Caller caller = Caller.of(request);
        caller.require(Scopes.READ);
        String orderId = orderId(request).orElseThrow(GetOrderDetails::noSuchOrder);

        Future<OrderSummary> order = callees.orderSummary(orderId);
        Future<CustomerProfile> customer = callees.customerProfile(caller.principalId());
        Future<Shipment> shipment = callees.shipment(orderId);

        OrderSummary summary;
        try {
            summary = required(order);
        } catch (RuntimeException noOrder) {
            customer.cancel(true);
            shipment.cancel(true);
            throw noOrder;
        }
        if (summary == null || !summary.found() || !caller.principalId().equals(summary.customerId())) {
            customer.cancel(true);
            shipment.cancel(true);
            throw noSuchOrder();
        }
        List<MissingPart> missing = new ArrayList<>();
        CustomerProfile profile = optional(Part.CUSTOMER, customer, missing);
        Shipment shipped = optional(Part.SHIPMENT, shipment, missing);
        if (!missing.isEmpty()) {
            log.warn("Order {}: details answered without {}", orderId, missing);
        }
        return responses.json(200, OrderDetails.of(summary, profile, shipped, missing));
    }

    /** The order, or the problem that ends the request: the internal API's own, or a timeout of the guard. */
    private OrderSummary required(Future<OrderSummary> order) {
        try {
            return order.get(waitFor(Part.ORDER), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof ApiProblemException problem) {
                throw problem;
            }
            log.error("The order part failed unexpectedly", failed.getCause());
            throw new ApiProblemException(
                    ApiProblem.of(502, "CALLEE_FAILED", "The internal service failed to answer."));
        } catch (TimeoutException late) {
            order.cancel(true);
            throw new ApiProblemException(
                    ApiProblem.of(504, "CALLEE_TIMED_OUT", "The internal service did not answer in time."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the order", e);
        }
    }

    /** The part's answer, or null with the reason added to {@code missing}. */
    private <T> T optional(Part part, Future<T> call, List<MissingPart> missing) {
        try {
            return call.get(waitFor(part), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            ApiProblem problem = failed.getCause() instanceof ApiProblemException known
                    ? known.problem()
                    : unexpected(part, failed.getCause());
            missing.add(new MissingPart(part.label(), problem.code(), problem.detail()));
        } catch (TimeoutException late) {
            call.cancel(true);
            missing.add(
                    new MissingPart(part.label(), "CALLEE_TIMED_OUT", "The internal service did not answer in time."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the " + part.label(), e);
        }
        return null;
    }

    private static ApiProblem unexpected(Part part, Throwable cause) {
        log.error("The {} part failed unexpectedly", part.label(), cause);
        return ApiProblem.of(502, "CALLEE_FAILED", "The internal service failed to answer.");
    }

    private long waitFor(Part part) {
        return callees.budgetOf(part).plus(GRACE).toMillis();
    }

    private static Optional<String> orderId(APIGatewayProxyRequestEvent request) {
        Map<String, String> path = request.getPathParameters();
        return Optional.ofNullable(path == null ? null : path.get("orderId"))
                .filter(id -> ORDER_ID.matcher(id).matches());
    }

    /** Missing, malformed and someone else's look the same, as on {@code GET /orders/{orderId}}. */
    private static ApiProblemException noSuchOrder() {
        return ApiProblemException.notFound("There is no such order.");
    }
}
