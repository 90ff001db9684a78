/**
 * The EventBridge Circuit Breaker: failed partner calls are published on the partner-events bus, a rule's function
 * stores each with a TTL, and callers count the target's unexpired failures.
 */
package dev.serverlesspatterns.partners.failures;
