package dev.serverlesspatterns.checkout.order;

/** What the state machine's ConfirmOrder state passes: the checkout, and what the earlier steps answered. */
record ConfirmOrderTask(
        String checkoutId, String customerId, String deliveryCountry, long amountCents, String paymentId) {}
