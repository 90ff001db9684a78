package dev.serverlesspatterns.payments.intent;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What payments knows of one order, as {@link PaymentOrderTable} keeps it: the invoices issued for it and, once it
 * was cancelled, when.
 */
record PaymentOrder(String orderId, Set<String> invoiceIds, Optional<Instant> cancelledAt) {}
