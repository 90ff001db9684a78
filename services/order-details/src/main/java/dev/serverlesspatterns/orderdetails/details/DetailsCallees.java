package dev.serverlesspatterns.orderdetails.details;

import dev.serverlesspatterns.events.customers.CustomerProfile;
import dev.serverlesspatterns.events.customers.CustomerProfileRequest;
import dev.serverlesspatterns.events.orders.OrderSummary;
import dev.serverlesspatterns.events.orders.OrderSummaryRequested;
import dev.serverlesspatterns.events.shipping.Shipment;
import dev.serverlesspatterns.events.shipping.ShipmentRequest;
import dev.serverlesspatterns.orderdetails.OrderDetailsProperties;
import dev.serverlesspatterns.orderdetails.OrderDetailsProperties.Callee;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.internalapi.InternalApi;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The three callees of the details, each started on a virtual thread of its own, so the calls overlap and the route
 * waits about as long as the slowest of them, never their sum. Every call is bounded by its callee's budget, which the
 * internal API gives the SDK as its call timeout.
 */
@Component
class DetailsCallees implements DisposableBean {

    private final InternalApi internalApi;
    private final Callee orders;
    private final Callee customers;
    private final Callee shipping;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    DetailsCallees(InternalApi internalApi, OrderDetailsProperties properties) {
        this.internalApi = internalApi;
        this.orders = named(properties.orders(), "order-details.orders.function-name", "ORDER_SUMMARY_FUNCTION");
        this.customers =
                named(properties.customers(), "order-details.customers.function-name", "CUSTOMER_PROFILE_FUNCTION");
        this.shipping = named(properties.shipping(), "order-details.shipping.function-name", "SHIPMENT_FUNCTION");
    }

    Future<OrderSummary> orderSummary(String orderId) {
        return calls.submit(() -> internalApi.call(
                orders.functionName(), new OrderSummaryRequested(orderId), OrderSummary.class, orders.budget()));
    }

    Future<CustomerProfile> customerProfile(String customerId) {
        return calls.submit(() -> internalApi.call(
                customers.functionName(),
                new CustomerProfileRequest(customerId),
                CustomerProfile.class,
                customers.budget()));
    }

    Future<Shipment> shipment(String orderId) {
        return calls.submit(() -> internalApi.call(
                shipping.functionName(), new ShipmentRequest(orderId), Shipment.class, shipping.budget()));
    }

    Duration budgetOf(Part part) {
        return switch (part) {
            case ORDER -> orders.budget();
            case CUSTOMER -> customers.budget();
            case SHIPMENT -> shipping.budget();
        };
    }

    /** Asks Lambda, running nothing, whether each callee could be invoked (SnapStart priming). */
    void dryRun() {
        internalApi.dryRun(orders.functionName());
        internalApi.dryRun(customers.functionName());
        internalApi.dryRun(shipping.functionName());
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    private static Callee named(Callee callee, String property, String variable) {
        return new Callee(Settings.required(callee.functionName(), property, variable), callee.budget());
    }
}
