package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.events.orders.OrderSummary;
import dev.serverlesspatterns.events.orders.OrderSummaryRequested;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Internal API: an order's summary for other services of the suite (the order-details Aggregator), invoked with
 * Lambda's RequestResponse on the {@code live} alias; it has no route. A missing order, or an id no order can have,
 * is answered with {@code found: false}; only a request without an id throws, which the caller sees as a function
 * error. The caller decides who may see the order: this function trusts the invoke permission that let it in.
 */
@Component("summarizeOrder")
class SummarizeOrder implements Function<OrderSummaryRequested, OrderSummary> {

    private final OrderTable orders;

    SummarizeOrder(OrderTable orders) {
        this.orders = orders;
    }

    @Override
    public OrderSummary apply(OrderSummaryRequested request) {
        if (request == null || request.orderId() == null) {
            throw new IllegalArgumentException("An order summary request needs an orderId");
        }
        String orderId = request.orderId();
        if (!OrderIds.isWellFormed(orderId)) {
            return OrderSummary.notFound(orderId);
        }
        return orders.find(orderId).map(SummarizeOrder::summary).orElseGet(() -> OrderSummary.notFound(orderId));
    }

    static OrderSummary summary(Order order) {
        return new OrderSummary(
                order.orderId(),
                true,
                order.customerId(),
                order.status().name(),
                order.currency(),
                order.items(),
                order.totalCents(),
                order.createdAt());
    }
}
