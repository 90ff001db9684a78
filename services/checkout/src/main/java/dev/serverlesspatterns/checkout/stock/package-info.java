/**
 * Stock: the first step of the checkout (reserve the lines' stock) and its compensation (release it), both keyed by
 * the checkout id so that a retried or repeated task changes nothing twice.
 */
package dev.serverlesspatterns.checkout.stock;
