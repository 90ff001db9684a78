package dev.serverlesspatterns.orderdetails;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the order-details service: one callee per part of the details, each with its own time budget. The
 * function names come from the template's environment; the budgets from {@code application.yml}.
 *
 * @param orders the orders service's order summary (required part), from {@code ORDER_SUMMARY_FUNCTION}
 * @param customers the customers service's profile (optional part), from {@code CUSTOMER_PROFILE_FUNCTION}
 * @param shipping the shipping service's shipment (optional part), from {@code SHIPMENT_FUNCTION}
 */
@ConfigurationProperties("order-details")
public record OrderDetailsProperties(
        @DefaultValue Callee orders,
        @DefaultValue Callee customers,
        @DefaultValue Callee shipping) {

    /**
     * @param functionName the callee's function name, unqualified: the internal API invokes its {@code live} alias
     * @param budget the most the call may take, the SDK's retries included; past it the part is missing
     */
    public record Callee(
            String functionName, @DefaultValue("2s") Duration budget) {

        public Callee {
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("A callee's budget must be positive, not " + budget);
            }
        }
    }
}
