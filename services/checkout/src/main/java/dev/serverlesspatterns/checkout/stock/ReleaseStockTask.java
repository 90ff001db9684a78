package dev.serverlesspatterns.checkout.stock;

/** What the state machine's ReleaseStock state passes. */
record ReleaseStockTask(String checkoutId) {}
