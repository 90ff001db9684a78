package dev.serverlesspatterns.events.customers;

import java.util.List;

/**
 * The customers service's answer to a {@link CustomerProfileRequest}: the customer's delivery addresses. A customer
 * the service does not know is a normal answer ({@code found} false, no addresses), not an error.
 */
public record CustomerProfile(String customerId, boolean found, List<DeliveryAddress> deliveryAddresses) {

    /** One delivery address, as the customer saved it through the shop API. */
    public record DeliveryAddress(
            String addressId, String recipient, String line1, String city, String postcode, String country) {}
}
