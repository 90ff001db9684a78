/**
 * The order-details service: the Aggregator pattern. {@code details} holds its one route and the rule for a partial
 * answer; the callees are reached only through the platform's internal API client.
 */
package dev.serverlesspatterns.orderdetails;
