package dev.serverlesspatterns.checkout.order;

/** ConfirmOrder's answer. */
record ConfirmedOrder(String checkoutId, String status) {}
