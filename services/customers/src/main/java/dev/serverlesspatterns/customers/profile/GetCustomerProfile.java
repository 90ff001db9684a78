package dev.serverlesspatterns.customers.profile;

import dev.serverlesspatterns.events.customers.CustomerProfile;
import dev.serverlesspatterns.events.customers.CustomerProfile.DeliveryAddress;
import dev.serverlesspatterns.events.customers.CustomerProfileRequest;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The customers service's internal API: a customer's profile, i.e. the delivery addresses the customer saved. A
 * customer with none is answered as not found, a normal result. A request without a customer id is the caller's bug:
 * the function throws, Lambda reports it as a function error, and the caller's internal API client maps it to a
 * problem code instead of taking it for a profile.
 */
@Component("getCustomerProfile")
class GetCustomerProfile implements Function<CustomerProfileRequest, CustomerProfile> {

    private final DeliveryAddressesTable addresses;

    GetCustomerProfile(DeliveryAddressesTable addresses) {
        this.addresses = addresses;
    }

    @Override
    public CustomerProfile apply(CustomerProfileRequest request) {
        if (request == null
                || request.customerId() == null
                || request.customerId().isBlank()) {
            throw new IllegalArgumentException("A customer profile request needs a customerId");
        }
        List<DeliveryAddress> found = addresses.addressesOf(request.customerId());
        return new CustomerProfile(request.customerId(), !found.isEmpty(), found);
    }
}
