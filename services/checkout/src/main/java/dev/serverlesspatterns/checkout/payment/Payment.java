package dev.serverlesspatterns.checkout.payment;

/**
 * A checkout's payment as ChargePayment answers it.
 *
 * @param status CHARGED, or PENDING while the customer still has to confirm it (the state machine waits and asks again)
 */
record Payment(String checkoutId, String paymentId, String status) {}
