package dev.serverlesspatterns.checkout.payment;

/** What the state machine's ChargePayment state passes: the reserved amount and the customer's card token. */
record ChargePaymentTask(String checkoutId, String cardToken, long amountCents) {}
