package dev.serverlesspatterns.legacy.shop.order;

import java.time.Instant;

record LegacyOrder(
        String orderId, String customerId, long totalCents, String currency, String status, Instant placedAt) {}
