package dev.serverlesspatterns.orders.order;

/** Where the next page of a customer's orders starts: the key attributes of the customer index and the table. */
record PageKey(String orderId, String customerId, String createdAt) {

    static PageKey after(Order order) {
        return new PageKey(order.orderId(), order.customerId(), order.createdAt());
    }
}
