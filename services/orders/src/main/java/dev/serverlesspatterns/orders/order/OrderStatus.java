package dev.serverlesspatterns.orders.order;

/** An order is open until it is cancelled; cancelling is the only transition. */
enum OrderStatus {
    OPEN,
    CANCELLED
}
