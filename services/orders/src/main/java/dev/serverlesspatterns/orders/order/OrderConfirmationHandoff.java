package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.events.orders.OrderConfirmationRequested;
import dev.serverlesspatterns.orders.OrdersProperties;
import dev.serverlesspatterns.platform.Settings;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Internal Handoff: asks the notifications service to confirm a placed order with an asynchronous invoke
 * (InvocationType Event). Lambda queues the event and answers 202 at once, so placing an order never waits for the
 * confirmation; retries, the event's maximum age and the on-failure queue are the target's {@code EventInvokeConfig}.
 *
 * <p>A handoff that fails (Lambda unreachable, throttled past the SDK's retries, or slower than
 * {@code orders.order-confirmation.timeout}) does not fail the order: it is placed already, and failing the request
 * would send the client into a retry that cannot hand off again (an idempotent replay places nothing). The failure is
 * logged at ERROR with the request, which is all a re-drive needs.
 */
@Component
class OrderConfirmationHandoff {

    private static final Logger log = LoggerFactory.getLogger(OrderConfirmationHandoff.class);

    private final LambdaClient lambda;
    private final JsonMapper json;
    private final String functionName;
    private final Duration timeout;

    OrderConfirmationHandoff(LambdaClient lambda, JsonMapper json, OrdersProperties properties) {
        OrdersProperties.OrderConfirmation confirmation = properties.orderConfirmation();
        this.lambda = lambda;
        this.json = json;
        this.functionName = Settings.required(
                confirmation.functionName(), "orders.order-confirmation.function-name", "ORDER_CONFIRMATION_FUNCTION");
        this.timeout = confirmation.timeout();
    }

    /** Hands the confirmation of a newly placed order off; never throws for a failed handoff. */
    void handOff(Order order) {
        String request = request(order);
        try {
            invoke(request, InvocationType.EVENT);
        } catch (SdkException failure) {
            log.error(
                    "Order {} is placed, but its confirmation could not be handed off to {}; re-drive with: {}",
                    order.orderId(),
                    functionName,
                    request,
                    failure);
        }
    }

    /**
     * The handoff's request as a DryRun (SnapStart priming): Lambda checks the request and the permission to invoke
     * the function, and runs nothing. Lambda refusing it (no such function, no permission) warms the client as much as
     * a 204 does, and tells what the real handoff would meet, so it is logged, not thrown.
     */
    void handOffDryRun(Order order) {
        try {
            invoke(request(order), InvocationType.DRY_RUN);
        } catch (LambdaException refused) {
            log.warn(
                    "A DryRun handoff to {} was refused; confirmations would fail the same way", functionName, refused);
        }
    }

    private String request(Order order) {
        return json.writeValueAsString(new OrderConfirmationRequested(
                order.orderId(),
                order.customerId(),
                order.totalCents(),
                order.currency(),
                Instant.parse(order.createdAt())));
    }

    private void invoke(String request, InvocationType type) {
        lambda.invoke(invoke -> invoke.functionName(functionName)
                .invocationType(type)
                .payload(SdkBytes.fromUtf8String(request))
                .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
    }
}
