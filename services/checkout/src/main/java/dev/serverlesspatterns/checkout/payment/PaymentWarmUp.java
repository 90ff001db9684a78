package dev.serverlesspatterns.checkout.payment;

import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * SnapStart priming of the payments table's {@code UpdateItem}, which the priming events (refused before any call)
 * never reach: the refund's conditional update of a checkout no payment has, refused by its condition. The charge's
 * own updates cannot be refused (they create the payment), so it is warmed by the same client and marshaller.
 */
@Component
@WarmsUp({"chargePayment", "refundPayment"})
class PaymentWarmUp implements PrimingWarmUp {

    private static final String PRIMING_CHECKOUT = "00000000-0000-0000-0000-000000000000";

    private final PaymentLedger payments;

    PaymentWarmUp(PaymentLedger payments) {
        this.payments = payments;
    }

    @Override
    public void warmUp() {
        try {
            payments.markRefunded(PRIMING_CHECKOUT, "CHARGED");
        } catch (ConditionalCheckFailedException refused) {
            return;
        }
        throw new IllegalStateException("The priming refund changed the payment of " + PRIMING_CHECKOUT);
    }
}
