package dev.serverlesspatterns.checkout.stock;

/**
 * The stock a checkout holds, as ReserveStock answers it.
 *
 * @param status RESERVED, CONFIRMED (the order took it) or RELEASED (given back)
 * @param amountCents what the reserved lines cost, at the prices of the stock table when they were reserved
 */
record Reservation(String checkoutId, String status, long amountCents) {}
