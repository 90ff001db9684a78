package dev.serverlesspatterns.checkout.stock;

import java.util.List;

/** What the state machine's ReserveStock state passes: the checkout and its lines. */
record ReserveStockTask(String checkoutId, List<Line> items) {

    record Line(String sku, int quantity) {}
}
