package dev.serverlesspatterns.orders.order;

import java.util.List;

/** One page of a customer's orders, newest first; {@code next} is null on the last page. */
record OrderSlice(List<Order> orders, PageKey next) {}
