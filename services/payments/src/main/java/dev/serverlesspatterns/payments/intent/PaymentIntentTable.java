package dev.serverlesspatterns.payments.intent;

import static dev.serverlesspatterns.platform.dynamodb.UpdateActions.set;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.serverlesspatterns.events.billing.PaymentFailed;
import dev.serverlesspatterns.payments.PaymentsProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import dev.serverlesspatterns.platform.priming.RefusedWrites;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.update.UpdateExpression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    private static final TableSchema<PaymentIntent> SCHEMA = RecordSchema.of(
                    PaymentIntent.class,
                    intent -> new PaymentIntent(
                            intent.get("invoiceId"),
                            intent.get("orderId"),
                            intent.get("customerId"),
                            intent.get("amountCents", 0L),
                            intent.get("currency"),
                            intent.get("createdAt"),
                            Optional.ofNullable(intent.get("cancelledAt"))))
            .attribute(String.class, "invoiceId", PaymentIntent::invoiceId, primaryPartitionKey())
            .attribute(String.class, "orderId", PaymentIntent::orderId)
            .attribute(String.class, "customerId", PaymentIntent::customerId)
            .attribute(Long.class, "amountCents", PaymentIntent::amountCents)
            .attribute(String.class, "currency", PaymentIntent::currency)
            .attribute(String.class, "status", intent -> intent.cancelled() ? CANCELLED : PENDING)
            .attribute(Instant.class, "createdAt", PaymentIntent::createdAt)
            .attribute(
                    Instant.class, "cancelledAt", intent -> intent.cancelledAt().orElse(null))
            .build();

    /** An intent's status alone: what a refused update reads to tell why. */
    private record Status(String invoiceId, String status) {}

    private static final TableSchema<Status> STATUS = RecordSchema.of(
                    Status.class, status -> new Status(status.get("invoiceId"), status.get("status")))
            .attribute(String.class, "invoiceId", Status::invoiceId, primaryPartitionKey())
            .attribute(String.class, "status", Status::status)
            .build();

    private static final Expression STILL_PENDING = Expression.builder()
            .expression("#status = :pending")
            .putExpressionName("#status", "status")
            .putExpressionValue(":pending", s(PENDING))
            .build();

    private final DynamoDbTable<PaymentIntent> table;
    private final DynamoDbTable<Status> statuses;
    private final ConditionalWrites writes;

    PaymentIntentTable(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, PaymentsProperties properties) {
        String tableName = Settings.required(
                properties.intentsTableName(), "payments.intents-table-name", "PAYMENT_INTENTS_TABLE");
        this.table = dynamo.table(tableName, SCHEMA);
        this.statuses = dynamo.table(tableName, STATUS);
        this.writes = writes;
    }

    /**
     * Opens the intent unless the invoice has one, in one conditional {@code PutItem}: PENDING, or CANCELLED when the
     * intent carries its order's cancellation.
     *
     * @return false when it was opened before (the write then changed nothing)
     */
    boolean openOnce(PaymentIntent intent) {
        return writes.putIfAbsent(table, intent);
    }

    /** The {@code PutItem} of {@link #openOnce} for SnapStart priming, refused by a condition that cannot hold. */
    void openRefused(PaymentIntent intent) {
        RefusedWrites.putItem(table, intent);
    }

    /** Marks the invoice's intent FAILED in one conditional {@code UpdateItem}, if it is still PENDING. */
    Marking markFailed(PaymentFailed failure) {
        UpdateExpression failed = UpdateExpression.builder()
                .addAction(set("status", s(FAILED)))
                .addAction(set("failureReason", s(failure.reason())))
                .addAction(set("failedAt", s(failure.failedAt().toString())))
                .build();
        if (writes.update(table, key(failure.invoiceId()), failed, STILL_PENDING)
                .isPresent()) {
            return Marking.MARKED;
        }
        return statusOf(failure.invoiceId())
                .map(status -> CANCELLED.equals(status) ? Marking.CANCELLED : Marking.ALREADY_FAILED)
                .orElse(Marking.NO_INTENT);
    }

    /** Marks the invoice's intent CANCELLED in one conditional {@code UpdateItem}, if it is still PENDING. */
    Cancelling cancel(String invoiceId, Instant cancelledAt) {
        UpdateExpression cancelled = UpdateExpression.builder()
                .addAction(set("status", s(CANCELLED)))
                .addAction(set("cancelledAt", s(cancelledAt.toString())))
                .build();
        if (writes.update(table, key(invoiceId), cancelled, STILL_PENDING).isPresent()) {
            return Cancelling.CANCELLED;
        }
        return statusOf(invoiceId)
                .map(status -> CANCELLED.equals(status) ? Cancelling.ALREADY_CANCELLED : Cancelling.ALREADY_FAILED)
                .orElse(Cancelling.NO_INTENT);
    }

    /** The intent's status, read strongly consistently; empty when the invoice has none. */
    private Optional<String> statusOf(String invoiceId) {
        return Optional.ofNullable(
                        statuses.getItem(get -> get.key(key(invoiceId)).consistentRead(true)))
                .map(Status::status);
    }

    private static Key key(String invoiceId) {
        return Key.builder().partitionValue(invoiceId).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
