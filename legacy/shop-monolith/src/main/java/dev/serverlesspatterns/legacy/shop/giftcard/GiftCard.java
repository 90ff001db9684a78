package dev.serverlesspatterns.legacy.shop.giftcard;

import java.time.Instant;

record GiftCard(String code, String currency, long balanceCents, Instant issuedAt) {}
