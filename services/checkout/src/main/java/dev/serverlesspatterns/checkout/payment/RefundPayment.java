package dev.serverlesspatterns.checkout.payment;

import dev.serverlesspatterns.checkout.CheckoutIds;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compensation of {@link ChargePayment} (state RefundPayment, the first compensation): refunds the checkout's charge.
 * Safe to repeat, and safe when nothing was charged.
 */
@Component("refundPayment")
class RefundPayment implements Function<RefundPaymentTask, Map<String, String>> {

    private static final Logger log = LoggerFactory.getLogger(RefundPayment.class);

    private final PaymentLedger payments;

    RefundPayment(PaymentLedger payments) {
        this.payments = payments;
    }

    @Override
    public Map<String, String> apply(RefundPaymentTask task) {
        CheckoutIds.require(task.checkoutId());
        String status = payments.refund(task.checkoutId());
        log.info("Checkout {}: payment {}", task.checkoutId(), status);
        return Map.of("checkoutId", task.checkoutId(), "status", status);
    }
}
