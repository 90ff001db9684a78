package dev.serverlesspatterns.partners.failures;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.serverlesspatterns.partners.PartnersProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import dev.serverlesspatterns.platform.priming.RefusedWrites;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * The partner failures table: one item per failed call, kept for the failure window by its TTL attribute
 * {@code expiresAt}, and an index by target and expiry. DynamoDB's TTL deletes expired items only eventually (and
 * an emulator may never), so counting asks for {@code expiresAt > now}, never for what is still there.
 */
@Component
class PartnerFailuresTable {

    private final DynamoDbTable<PartnerFailure> table;
    private final DynamoDbIndex<PartnerFailure> byTarget;
    private final ConditionalWrites writes;

    PartnerFailuresTable(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, PartnersProperties properties) {
        String index = properties.failures().targetIndex();
        this.table = dynamo.table(
                Settings.required(
                        properties.failures().tableName(), "partners.failures.table-name", "PARTNER_FAILURES_TABLE"),
                schema(index));
        this.byTarget = table.index(index);
        this.writes = writes;
    }

    private static TableSchema<PartnerFailure> schema(String index) {
        return RecordSchema.of(
                        PartnerFailure.class,
                        item -> new PartnerFailure(
                                item.get("failureId"),
                                item.get("target"),
                                item.get("failedAt"),
                                item.get("expiresAt", 0L),
                                item.get("reason")))
                .attribute(String.class, "failureId", PartnerFailure::failureId, primaryPartitionKey())
                .attribute(String.class, "target", PartnerFailure::target, secondaryPartitionKey(index))
                .attribute(String.class, "failedAt", PartnerFailure::failedAt)
                .attribute(Long.class, "expiresAt", PartnerFailure::expiresAt, secondarySortKey(index))
                .attribute(String.class, "reason", PartnerFailure::reason)
                .build();
    }

    /** Stores a failure once; false when it was stored already (a redelivered event). */
    boolean record(PartnerFailure failure) {
        return writes.putIfAbsent(table, failure);
    }

    /** The {@link #record} request of a failure no event has, refused by its condition (SnapStart priming). */
    void recordRefused(PartnerFailure failure) {
        RefusedWrites.putItem(table, failure);
    }

    /**
     * When each of the target's unexpired failures expires, soonest first: one Query of the index,
     * {@code target = :target AND expiresAt > :now}.
     */
    List<Long> unexpired(String target, long nowEpochSecond) {
        QueryConditional unexpired = QueryConditional.sortGreaterThan(
                Key.builder().partitionValue(target).sortValue(nowEpochSecond).build());
        return byTarget.query(query -> query.queryConditional(unexpired).scanIndexForward(true)).stream()
                .flatMap(page -> page.items().stream())
                .map(PartnerFailure::expiresAt)
                .toList();
    }
}
