package dev.serverlesspatterns.customers.verification;

/**
 * A delivery address as API Gateway's request template writes it to the delivery addresses table: {@code customerId}
 * S (the token's subject), {@code addressId} S (the API request id), {@code recipient} S, {@code line1} S,
 * {@code city} S, {@code postcode} S, {@code country} S (ISO 3166-1 alpha-2) and {@code createdAt} N (epoch ms).
 */
record DeliveryAddress(
        String customerId, String addressId, String line1, String city, String postcode, String country) {}
