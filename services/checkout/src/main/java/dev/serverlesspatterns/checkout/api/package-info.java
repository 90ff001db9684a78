/**
 * The checkout API: {@code POST /checkouts} starts the state machine's execution named after the checkout (one per
 * idempotency key), {@code GET /checkouts/{checkoutId}} reports how it went.
 */
package dev.serverlesspatterns.checkout.api;
