package dev.serverlesspatterns.checkout.payment;

import dev.serverlesspatterns.checkout.CheckoutProperties;
import dev.serverlesspatterns.platform.Settings;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The payments table, one item per checkout ({@code checkoutId} S): {@code paymentId} S, {@code cardToken} S,
 * {@code amountCents} N, {@code gatewayCalls} N and, once decided, {@code status} S: PENDING, CHARGED, DECLINED,
 * REFUNDED or VOIDED (a refund found nothing charged: no later charge may go through). Every change of status is
 * conditional on the status it changes, so repeated or concurrent tasks decide once.
 */
@Component
class PaymentLedger {

    private static final Set<String> CLOSED = Set.of("DECLINED", "REFUNDED", "VOIDED");

    private final DynamoDbClient dynamo;
    private final CardGateway gateway;
    private final Clock clock;
    private final String table;

    PaymentLedger(DynamoDbClient dynamo, CardGateway gateway, Clock clock, CheckoutProperties properties) {
        this.dynamo = dynamo;
        this.gateway = gateway;
        this.clock = clock;
        this.table =
                Settings.required(properties.paymentsTableName(), "checkout.payments-table-name", "PAYMENTS_TABLE");
    }

    /**
     * Charges the card once per checkout: a charged payment is answered as it is, a pending one is asked again.
     *
     * @throws PaymentDeclinedException when the gateway declines, or the payment was declined, refunded or voided
     * @throws PaymentGatewayUnavailableException when the gateway does not answer (nothing is decided)
     */
    Payment charge(ChargePaymentTask task) {
        String checkoutId = task.checkoutId();
        Optional<String> status =
                find(checkoutId).map(item -> item.get("status")).map(AttributeValue::s);
        if (status.filter("CHARGED"::equals).isPresent()) {
            return new Payment(checkoutId, paymentId(checkoutId), "CHARGED");
        }
        if (status.filter(CLOSED::contains).isPresent()) {
            throw new PaymentDeclinedException("The payment of checkout " + checkoutId + " is " + status.get());
        }
        long call;
        try {
            call = Long.parseLong(dynamo.updateItem(update -> update.tableName(table)
                            .key(key(checkoutId))
                            .updateExpression("SET paymentId = if_not_exists(paymentId, :paymentId),"
                                    + " cardToken = if_not_exists(cardToken, :cardToken),"
                                    + " amountCents = if_not_exists(amountCents, :amountCents)"
                                    + " ADD gatewayCalls :one")
                            .conditionExpression("attribute_not_exists(#status) OR #status = :pending")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(Map.of(
                                    ":paymentId", AttributeValue.fromS(paymentId(checkoutId)),
                                    ":cardToken", AttributeValue.fromS(task.cardToken()),
                                    ":amountCents", AttributeValue.fromN(Long.toString(task.amountCents())),
                                    ":one", AttributeValue.fromN("1"),
                                    ":pending", AttributeValue.fromS("PENDING")))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes()
                    .get("gatewayCalls")
                    .n());
        } catch (ConditionalCheckFailedException decidedMeanwhile) {
            return charge(task);
        }
        return switch (gateway.charge(task.cardToken(), call)) {
            case CHARGED -> decided(checkoutId, "CHARGED");
            case PENDING -> decided(checkoutId, "PENDING");
            case DECLINED -> {
                decided(checkoutId, "DECLINED");
                throw new PaymentDeclinedException("The card of checkout " + checkoutId + " was declined");
            }
            case UNAVAILABLE ->
                throw new PaymentGatewayUnavailableException(
                        "The card gateway did not answer call " + call + " for checkout " + checkoutId);
        };
    }

    /**
     * Refunds what was charged (or pending); a checkout without a charge gets a VOIDED payment, so a charge arriving
     * late cannot go through for a checkout that failed.
     *
     * @return the payment's status afterwards
     * @throws RefundRefusedException when the gateway refuses the refund (nothing changes)
     */
    String refund(String checkoutId) {
        Optional<Map<String, AttributeValue>> found = find(checkoutId);
        String status =
                found.map(item -> item.get("status")).map(AttributeValue::s).orElse(null);
        if (status != null && CLOSED.contains(status)) {
            return status;
        }
        try {
            if (status == null) {
                dynamo.updateItem(update -> update.tableName(table)
                        .key(key(checkoutId))
                        .updateExpression("SET #status = :voided, closedAt = :now")
                        .conditionExpression("attribute_not_exists(#status)")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(
                                ":voided", AttributeValue.fromS("VOIDED"),
                                ":now", AttributeValue.fromS(clock.instant().toString()))));
                return "VOIDED";
            }
            if (!gateway.refund(found.get().get("cardToken").s())) {
                throw new RefundRefusedException("The card gateway refused to refund checkout " + checkoutId);
            }
            markRefunded(checkoutId, status);
            return "REFUNDED";
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return refund(checkoutId);
        }
    }

    /**
     * The refund's write, conditional on the status the refund found. Also the SnapStart warm-up's call (of the charge
     * and the refund), for a checkout no payment has: then refused by its condition, nothing written.
     *
     * @throws ConditionalCheckFailedException when the payment's status changed meanwhile, or there is none
     */
    void markRefunded(String checkoutId, String was) {
        dynamo.updateItem(update -> update.tableName(table)
                .key(key(checkoutId))
                .updateExpression("SET #status = :refunded, closedAt = :now")
                .conditionExpression("#status = :was")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":refunded", AttributeValue.fromS("REFUNDED"),
                        ":was", AttributeValue.fromS(was),
                        ":now", AttributeValue.fromS(clock.instant().toString()))));
    }

    private Payment decided(String checkoutId, String status) {
        dynamo.updateItem(update -> update.tableName(table)
                .key(key(checkoutId))
                .updateExpression("SET #status = :status, decidedAt = :now")
                .conditionExpression("attribute_not_exists(#status) OR #status = :pending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":status", AttributeValue.fromS(status),
                        ":pending", AttributeValue.fromS("PENDING"),
                        ":now", AttributeValue.fromS(clock.instant().toString()))));
        return new Payment(checkoutId, paymentId(checkoutId), status);
    }

    private Optional<Map<String, AttributeValue>> find(String checkoutId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        get -> get.tableName(table).key(key(checkoutId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> key(String checkoutId) {
        return Map.of("checkoutId", AttributeValue.fromS(checkoutId));
    }

    private static String paymentId(String checkoutId) {
        return "pay_" + checkoutId.replace("-", "");
    }
}
