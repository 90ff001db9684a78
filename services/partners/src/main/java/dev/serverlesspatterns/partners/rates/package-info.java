/** {@code GET /shipping-rates}: the partner's rates behind the shared-state circuit breaker. */
package dev.serverlesspatterns.partners.rates;
