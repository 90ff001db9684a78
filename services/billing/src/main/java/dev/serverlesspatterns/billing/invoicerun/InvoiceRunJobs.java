package dev.serverlesspatterns.billing.invoicerun;

import dev.serverlesspatterns.billing.BillingProperties;
import dev.serverlesspatterns.platform.Settings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The invoice run table: per job, the item {@code job} ({@code status}, {@code total}, {@code done}, {@code failed},
 * {@code source}) and one item {@code chunk#<n>} per counted chunk ({@code outcome} {@code DONE} or {@code FAILED}).
 * Every change is conditional: a chunk is counted by creating its item and adding to the job in one transaction, so
 * a redelivered chunk counts once, and the job's status moves forward only.
 */
@Component
class InvoiceRunJobs {

    /** Whether a chunk's transaction counted it. */
    enum Counted {
        NOW,
        ALREADY,
        JOB_NOT_RUNNING
    }

    private static final String JOB = "job";
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String table;

    InvoiceRunJobs(DynamoDbClient dynamo, BillingProperties properties) {
        this.dynamo = dynamo;
        this.table = Settings.required(
                properties.invoiceRun().tableName(), "billing.invoice-run.table-name", "INVOICE_RUN_TABLE");
    }

    /** Creates the job as {@code RUNNING}; false when it exists (the same upload was notified before). */
    boolean start(String jobId, String source, int total, Instant now) {
        return putJobIfAbsent(jobId, source, Job.RUNNING, total, now, null);
    }

    /** Records a run that cannot start (an unreadable or empty run file) as {@code FAILED}, unless the job exists. */
    void refuse(String jobId, String source, String reason, Instant now) {
        putJobIfAbsent(jobId, source, Job.FAILED, 0, now, reason);
    }

    private boolean putJobIfAbsent(String jobId, String source, String status, int total, Instant now, String reason) {
        Map<String, AttributeValue> item = new HashMap<>(key(jobId, JOB));
        item.put("source", AttributeValue.fromS(source));
        item.put("status", AttributeValue.fromS(status));
        item.put("total", number(total));
        item.put("done", number(0));
        item.put("failed", number(0));
        item.put("startedAt", AttributeValue.fromS(now.toString()));
        if (reason != null) {
            item.put("reason", AttributeValue.fromS(reason));
        }
        try {
            dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(jobId)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    Optional<Job> find(String jobId) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        get -> get.tableName(table).key(key(jobId, JOB)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Job(
                jobId,
                item.get("source").s(),
                item.get("status").s(),
                Integer.parseInt(item.get("total").n()),
                Integer.parseInt(item.get("done").n()),
                Integer.parseInt(item.get("failed").n())));
    }

    /** Counts the chunk done: its item is created and the job's {@code done} grows by one, both or neither. */
    Counted countDone(Chunk chunk, Instant now) {
        return count(chunk, "DONE", null, "ADD #done :one", "#status = :running", Map.of(), now);
    }

    /**
     * Counts the chunk failed and marks the job {@code FAILED}, unless it is aggregating already (every chunk was
     * done, so this chunk too: the message is a late duplicate).
     */
    Counted countFailed(Chunk chunk, String reason, Instant now) {
        return count(
                chunk,
                "FAILED",
                reason,
                "SET #status = :failed ADD #failed :one",
                "#status IN (:running, :failed)",
                Map.of(":failed", AttributeValue.fromS(Job.FAILED)),
                now);
    }

    private Counted count(
            Chunk chunk,
            String outcome,
            String reason,
            String jobUpdate,
            String jobCondition,
            Map<String, AttributeValue> jobValues,
            Instant now) {
        Map<String, AttributeValue> chunkItem = new HashMap<>(key(chunk.jobId(), "chunk#" + chunk.name()));
        chunkItem.put("outcome", AttributeValue.fromS(outcome));
        chunkItem.put("countedAt", AttributeValue.fromS(now.toString()));
        if (reason != null) {
            chunkItem.put("reason", AttributeValue.fromS(reason));
        }
        Map<String, AttributeValue> values = new HashMap<>(jobValues);
        values.put(":one", number(1));
        values.put(":running", AttributeValue.fromS(Job.RUNNING));
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(
                    TransactWriteItem.builder()
                            .put(put -> put.tableName(table)
                                    .item(chunkItem)
                                    .conditionExpression("attribute_not_exists(jobId)"))
                            .build(),
                    TransactWriteItem.builder()
                            .update(update -> update.tableName(table)
                                    .key(key(chunk.jobId(), JOB))
                                    .updateExpression(jobUpdate)
                                    .conditionExpression(jobCondition)
                                    .expressionAttributeNames(names(jobUpdate + jobCondition))
                                    .expressionAttributeValues(values))
                            .build()));
            return Counted.NOW;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (reasons.size() == 2
                    && CONDITIONAL_CHECK_FAILED.equals(reasons.get(0).code())) {
                return Counted.ALREADY;
            }
            if (reasons.size() == 2
                    && CONDITIONAL_CHECK_FAILED.equals(reasons.get(1).code())) {
                return Counted.JOB_NOT_RUNNING;
            }
            throw cancelled;
        }
    }

    /**
     * Claims the aggregation: {@code RUNNING} to {@code AGGREGATING} when every chunk is done. Only one claim
     * succeeds; false for every other.
     */
    boolean claimAggregation(String jobId) {
        return updateStatus(jobId, Job.RUNNING, Job.AGGREGATING, "AND #done = #total AND #failed = :none", null);
    }

    /** {@code AGGREGATING} to {@code COMPLETED}, noting the aggregate's key; false when completed already. */
    boolean complete(String jobId, String aggregateKey) {
        return updateStatus(jobId, Job.AGGREGATING, Job.COMPLETED, "", aggregateKey);
    }

    private boolean updateStatus(String jobId, String from, String to, String andCondition, String aggregateKey) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":from", AttributeValue.fromS(from));
        values.put(":to", AttributeValue.fromS(to));
        if (andCondition.contains(":none")) {
            values.put(":none", number(0));
        }
        String update = "SET #status = :to";
        if (aggregateKey != null) {
            values.put(":aggregate", AttributeValue.fromS(aggregateKey));
            update += ", aggregateKey = :aggregate";
        }
        String expression = update;
        try {
            dynamo.updateItem(request -> request.tableName(table)
                    .key(key(jobId, JOB))
                    .updateExpression(expression)
                    .conditionExpression(("#status = :from " + andCondition).trim())
                    .expressionAttributeNames(names(expression + andCondition))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    /** The attribute names an expression uses: {@code status}, {@code total} and others are reserved words. */
    private static Map<String, String> names(String expression) {
        Map<String, String> names = new HashMap<>();
        for (String name : List.of("status", "total", "done", "failed")) {
            if (expression.contains("#" + name)) {
                names.put("#" + name, name);
            }
        }
        return names;
    }

    private static Map<String, AttributeValue> key(String jobId, String item) {
        return Map.of("jobId", AttributeValue.fromS(jobId), "item", AttributeValue.fromS(item));
    }

    private static AttributeValue number(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
