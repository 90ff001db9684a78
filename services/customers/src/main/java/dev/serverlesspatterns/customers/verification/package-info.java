/**
 * The delivery addresses table's stream: every new or changed address is verified
 * ({@link dev.serverlesspatterns.customers.verification.VerifyDeliveryAddresses}) after API Gateway saved it, and
 * independent of the API call that did.
 */
package dev.serverlesspatterns.customers.verification;
