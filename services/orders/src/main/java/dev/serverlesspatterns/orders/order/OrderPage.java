package dev.serverlesspatterns.orders.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Body of {@code GET /orders}; {@code nextToken} is absent on the last page. */
record OrderPage(
        List<Order> orders,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextToken) {}
