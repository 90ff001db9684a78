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
        String request = json.writeValueAsString(new OrderConfirmationRequested(
                order.orderId(),
                order.customerId(),
                order.totalCents(),
                order.currency(),
                Instant.parse(order.createdAt())));
        try {
            lambda.invoke(invoke -> invoke.functionName(functionName)
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String(request))
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
        } catch (SdkException failure) {
            log.error(
                    "Order {} is placed, but its confirmation could not be handed off to {}; re-drive with: {}",
                    order.orderId(),
                    functionName,
                    request,
                    failure);
        }
    }
}
