/** The shipping partner's HTTP API, bounded by Resilience4j's TimeLimiter. */
package dev.serverlesspatterns.partners.partner;
