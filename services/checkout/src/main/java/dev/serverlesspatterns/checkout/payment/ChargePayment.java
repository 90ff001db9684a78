package dev.serverlesspatterns.checkout.payment;

import dev.serverlesspatterns.checkout.CheckoutIds;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The checkout's second step (state ChargePayment, and CheckPayment while the payment is pending): charges the card
 * for the reserved amount once per checkout. Fails with {@link PaymentGatewayUnavailableException} (retried) or
 * {@link PaymentDeclinedException} (compensated).
 */
@Component("chargePayment")
class ChargePayment implements Function<ChargePaymentTask, Payment> {

    private static final Logger log = LoggerFactory.getLogger(ChargePayment.class);

    private final PaymentLedger payments;

    ChargePayment(PaymentLedger payments) {
        this.payments = payments;
    }

    @Override
    public Payment apply(ChargePaymentTask task) {
        CheckoutIds.require(task.checkoutId());
        if (task.cardToken() == null || task.amountCents() <= 0) {
            throw new IllegalArgumentException(
                    "Checkout " + task.checkoutId() + " needs a card token and a positive amount to charge");
        }
        Payment payment = payments.charge(task);
        log.info("Checkout {}: payment {} {}", task.checkoutId(), payment.paymentId(), payment.status());
        return payment;
    }
}
