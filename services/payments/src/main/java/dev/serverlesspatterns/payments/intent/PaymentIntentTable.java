package dev.serverlesspatterns.payments.intent;

import dev.serverlesspatterns.events.billing.PaymentFailed;
import dev.serverlesspatterns.payments.PaymentsProperties;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The payment intents table: one item per invoice, keyed by {@code invoiceId}: {@code invoiceId} S, {@code orderId} S,
 * {@code customerId} S, {@code amountCents} N, {@code currency} S, {@code status} S (PENDING|FAILED),
 * {@code createdAt} S and, once failed, {@code failureReason} S and {@code failedAt} S (ISO-8601 UTC).
 */
@Component
class PaymentIntentTable {

    /** What marking an intent failed did. */
    enum Marking {
        /** This delivery marked it failed. */
        MARKED,
        /** An earlier delivery marked it; this one changed nothing. */
        ALREADY_FAILED,
        /** The invoice has no intent (yet): its InvoiceIssued has not arrived. */
        NO_INTENT
    }

    private final DynamoDbClient dynamo;
    private final String tableName;

    PaymentIntentTable(DynamoDbClient dynamo, PaymentsProperties properties) {
        this.dynamo = dynamo;
        this.tableName = properties.tableName();
    }

    /**
     * Opens the intent unless the invoice has one, in one conditional {@code PutItem}.
     *
     * @return false when it was opened before (the write then changed nothing)
     */
    boolean openOnce(PaymentIntent intent) {
        try {
            dynamo.putItem(put -> put.tableName(tableName)
                    .item(Map.of(
                            "invoiceId", s(intent.invoiceId()),
                            "orderId", s(intent.orderId()),
                            "customerId", s(intent.customerId()),
                            "amountCents", AttributeValue.fromN(Long.toString(intent.amountCents())),
                            "currency", s(intent.currency()),
                            "status", s("PENDING"),
                            "createdAt", s(intent.createdAt().toString())))
                    .conditionExpression("attribute_not_exists(invoiceId)"));
            return true;
        } catch (ConditionalCheckFailedException openedBefore) {
            return false;
        }
    }

    /** Marks the invoice's intent FAILED in one conditional {@code UpdateItem}, unless it is failed already. */
    Marking markFailed(PaymentFailed failure) {
        try {
            dynamo.updateItem(update -> update.tableName(tableName)
                    .key(key(failure.invoiceId()))
                    .updateExpression("SET #status = :failed, failureReason = :reason, failedAt = :failedAt")
                    .conditionExpression("attribute_exists(invoiceId) AND #status <> :failed")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":failed", s("FAILED"),
                            ":reason", s(failure.reason()),
                            ":failedAt", s(failure.failedAt().toString()))));
            return Marking.MARKED;
        } catch (ConditionalCheckFailedException notApplied) {
            boolean exists = !dynamo.getItem(get -> get.tableName(tableName)
                            .key(key(failure.invoiceId()))
                            .consistentRead(true))
                    .item()
                    .isEmpty();
            return exists ? Marking.ALREADY_FAILED : Marking.NO_INTENT;
        }
    }

    private static Map<String, AttributeValue> key(String invoiceId) {
        return Map.of("invoiceId", s(invoiceId));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
