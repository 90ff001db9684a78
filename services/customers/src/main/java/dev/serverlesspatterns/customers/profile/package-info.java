/**
 * Internal API: {@link dev.serverlesspatterns.customers.profile.GetCustomerProfile} answers other services' synchronous
 * questions about a customer (the delivery addresses the shop API saved). It has no public route: callers invoke its
 * {@code live} alias with the Lambda Invoke API (RequestResponse), under a permission granted on that alias alone.
 */
package dev.serverlesspatterns.customers.profile;
