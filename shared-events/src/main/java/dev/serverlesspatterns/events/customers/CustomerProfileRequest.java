package dev.serverlesspatterns.events.customers;

/**
 * Asks the customers service's internal API for a customer's profile (a RequestResponse invoke of its
 * {@code getCustomerProfile} function's {@code live} alias, never a public route).
 */
public record CustomerProfileRequest(String customerId) {}
