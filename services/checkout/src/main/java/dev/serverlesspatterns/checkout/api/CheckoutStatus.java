package dev.serverlesspatterns.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code GET /checkouts/{checkoutId}} answers.
 *
 * @param status the execution's: RUNNING, SUCCEEDED (order confirmed), FAILED (compensated), TIMED_OUT or ABORTED
 * @param error the failed step's error, e.g. {@code dev.serverlesspatterns.checkout.stock.OutOfStockException}
 * @param message what the failed step said
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CheckoutStatus(String checkoutId, String status, String error, String message) {}
