package dev.serverlesspatterns.checkout;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the checkout service, fed from the template's environment variables.
 *
 * @param stockTableName stock per sku, from {@code STOCK_TABLE}
 * @param reservationsTableName the stock each checkout holds, from {@code RESERVATIONS_TABLE}
 * @param paymentsTableName each checkout's payment, from {@code PAYMENTS_TABLE}
 * @param ordersTableName the confirmed orders, from {@code CHECKOUT_ORDERS_TABLE}
 * @param stateMachineArn the checkout state machine, from {@code CHECKOUT_STATE_MACHINE_ARN}
 * @param deliveryCountries where the carriers deliver; confirming an order to anywhere else fails
 */
@ConfigurationProperties("checkout")
public record CheckoutProperties(
        String stockTableName,
        String reservationsTableName,
        String paymentsTableName,
        String ordersTableName,
        String stateMachineArn,
        Set<String> deliveryCountries) {}
