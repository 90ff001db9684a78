/**
 * Circuit Breaker with shared state: Resilience4j's breaker settings and state machine, its state in a DynamoDB table
 * that every instance reads and changes only with conditional writes.
 */
package dev.serverlesspatterns.partners.breaker;
