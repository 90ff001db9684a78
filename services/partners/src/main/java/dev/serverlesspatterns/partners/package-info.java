/**
 * Circuit Breaker and EventBridge Circuit Breaker: the partners service calls a shipping partner's HTTP API through a
 * Resilience4j breaker whose state every instance shares in DynamoDB ({@code breaker}, {@code rates}), and through a
 * breaker that counts the partner's unexpired failures, published on EventBridge and stored by a rule's function
 * ({@code failures}).
 */
package dev.serverlesspatterns.partners;
