/**
 * Payment: the checkout's second step (charge the card) and its compensation (refund it), against a card gateway
 * whose test tokens decide each outcome, as a payment provider's test mode does.
 */
package dev.serverlesspatterns.checkout.payment;
