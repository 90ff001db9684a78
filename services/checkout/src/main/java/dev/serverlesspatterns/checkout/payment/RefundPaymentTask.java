package dev.serverlesspatterns.checkout.payment;

/** What the state machine's RefundPayment state passes. */
record RefundPaymentTask(String checkoutId) {}
