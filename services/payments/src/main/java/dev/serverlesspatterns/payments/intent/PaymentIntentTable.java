package dev.serverlesspatterns.payments.intent;

import dev.serverlesspatterns.events.billing.PaymentFailed;
import dev.serverlesspatterns.payments.PaymentsProperties;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The payment intents table: one item per invoice, keyed by {@code invoiceId}: {@code invoiceId} S, {@code orderId} S,
 * {@code customerId} S, {@code amountCents} N, {@code currency} S, {@code status} S (PENDING|FAILED|CANCELLED),
 * {@code createdAt} S, once failed {@code failureReason} S and {@code failedAt} S, once cancelled {@code cancelledAt}
 * S (ISO-8601 UTC).
 *
 * <p>Only a PENDING intent changes: FAILED and CANCELLED are final, so a late or repeated event never turns a failed
 * payment into a cancelled one, nor a cancelled one back into anything else. (A PAID status, once payments collects,
 * would be final the same way, and a cancellation would then call for a refund rather than this update.)
 */
@Component
class PaymentIntentTable {

    private static final String PENDING = "PENDING";
    private static final String FAILED = "FAILED";
    private static final String CANCELLED = "CANCELLED";

    /** What marking an intent failed did. */
    enum Marking {
        /** This delivery marked it failed. */
        MARKED,
        /** An earlier delivery marked it; this one changed nothing. */
        ALREADY_FAILED,
        /** Its order was cancelled: there is no payment left to fail; nothing changed. */
        CANCELLED,
        /** The invoice has no intent (yet): its InvoiceIssued has not arrived. */
        NO_INTENT
    }

    /** What cancelling an intent did. */
    enum Cancelling {
        /** This call cancelled it. */
        CANCELLED,
        /** It was cancelled before; nothing changed. */
        ALREADY_CANCELLED,
        /** Its payment failed before the cancellation; it keeps that outcome. */
        ALREADY_FAILED,
        /** The invoice has no intent yet. */
        NO_INTENT
    }

    private final DynamoDbClient dynamo;
    private final String tableName;

    PaymentIntentTable(DynamoDbClient dynamo, PaymentsProperties properties) {
        this.dynamo = dynamo;
        this.tableName = properties.intentsTableName();
    }

    /**
     * Opens the intent unless the invoice has one, in one conditional {@code PutItem}: PENDING, or CANCELLED when the
     * intent carries its order's cancellation.
     *
     * @return false when it was opened before (the write then changed nothing)
     */
    boolean openOnce(PaymentIntent intent) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                "invoiceId", s(intent.invoiceId()),
                "orderId", s(intent.orderId()),
                "customerId", s(intent.customerId()),
                "amountCents", AttributeValue.fromN(Long.toString(intent.amountCents())),
                "currency", s(intent.currency()),
                "status", s(intent.cancelled() ? CANCELLED : PENDING),
                "createdAt", s(intent.createdAt().toString())));
        intent.cancelledAt().ifPresent(at -> item.put("cancelledAt", s(at.toString())));
        try {
            dynamo.putItem(
                    put -> put.tableName(tableName).item(item).conditionExpression("attribute_not_exists(invoiceId)"));
            return true;
        } catch (ConditionalCheckFailedException openedBefore) {
            return false;
        }
    }

    /** Marks the invoice's intent FAILED in one conditional {@code UpdateItem}, if it is still PENDING. */
    Marking markFailed(PaymentFailed failure) {
        try {
            dynamo.updateItem(update -> update.tableName(tableName)
                    .key(key(failure.invoiceId()))
                    .updateExpression("SET #status = :failed, failureReason = :reason, failedAt = :failedAt")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":pending", s(PENDING),
                            ":failed", s(FAILED),
                            ":reason", s(failure.reason()),
                            ":failedAt", s(failure.failedAt().toString()))));
            return Marking.MARKED;
        } catch (ConditionalCheckFailedException notApplied) {
            String status = statusOf(failure.invoiceId());
            if (status == null) {
                return Marking.NO_INTENT;
            }
            return CANCELLED.equals(status) ? Marking.CANCELLED : Marking.ALREADY_FAILED;
        }
    }

    /** Marks the invoice's intent CANCELLED in one conditional {@code UpdateItem}, if it is still PENDING. */
    Cancelling cancel(String invoiceId, Instant cancelledAt) {
        try {
            dynamo.updateItem(update -> update.tableName(tableName)
                    .key(key(invoiceId))
                    .updateExpression("SET #status = :cancelled, cancelledAt = :cancelledAt")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":pending", s(PENDING),
                            ":cancelled", s(CANCELLED),
                            ":cancelledAt", s(cancelledAt.toString()))));
            return Cancelling.CANCELLED;
        } catch (ConditionalCheckFailedException notApplied) {
            String status = statusOf(invoiceId);
            if (status == null) {
                return Cancelling.NO_INTENT;
            }
            return CANCELLED.equals(status) ? Cancelling.ALREADY_CANCELLED : Cancelling.ALREADY_FAILED;
        }
    }

    /** The intent's status, read strongly consistently; null when the invoice has none. */
    private String statusOf(String invoiceId) {
        AttributeValue status = dynamo.getItem(
                        get -> get.tableName(tableName).key(key(invoiceId)).consistentRead(true))
                .item()
                .get("status");
        return status == null ? null : status.s();
    }

    private static Map<String, AttributeValue> key(String invoiceId) {
        return Map.of("invoiceId", s(invoiceId));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
