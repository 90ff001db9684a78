package dev.serverlesspatterns.partners.breaker;

import static dev.serverlesspatterns.platform.dynamodb.UpdateActions.add;
import static dev.serverlesspatterns.platform.dynamodb.UpdateActions.set;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.serverlesspatterns.partners.PartnersProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.update.SetAction;
import software.amazon.awssdk.enhanced.dynamodb.update.UpdateExpression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The breaker state table: one item per breaker ({@link BreakerState}). Every change is one conditional
 * {@code UpdateItem}: a failure is counted with an atomic {@code ADD} while the breaker is CLOSED, and each transition
 * holds only while the breaker is still in the state and at the version the caller saw, so of any number of
 * instances deciding at once exactly one moves it; the others get empty and re-read. Nothing is ever read and written
 * back.
 */
@Component
class BreakerStateStore {

    private static final TableSchema<BreakerState> SCHEMA = RecordSchema.of(
                    BreakerState.class,
                    item -> new BreakerState(
                            item.get("breaker"),
                            item.get("state", BreakerState.CLOSED),
                            item.get("version", 0L),
                            item.get("failures", 0L),
                            item.get("windowStart", 0L),
                            item.get("openUntil", 0L),
                            item.get("probes", 0L),
                            item.get("openings", 0L)))
            .attribute(String.class, "breaker", BreakerState::breaker, primaryPartitionKey())
            .attribute(String.class, "state", BreakerState::state)
            .attribute(Long.class, "version", BreakerState::version)
            .attribute(Long.class, "failures", BreakerState::failures)
            .attribute(Long.class, "windowStart", BreakerState::windowStart)
            .attribute(Long.class, "openUntil", BreakerState::openUntil)
            .attribute(Long.class, "probes", BreakerState::probes)
            .attribute(Long.class, "openings", BreakerState::openings)
            .build();

    private final DynamoDbTable<BreakerState> table;
    private final ConditionalWrites writes;

    BreakerStateStore(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, PartnersProperties properties) {
        this.table = dynamo.table(
                Settings.required(
                        properties.breaker().tableName(), "partners.breaker.table-name", "BREAKER_STATE_TABLE"),
                SCHEMA);
        this.writes = writes;
    }

    /** The breaker's state, strongly consistent; CLOSED when it has no item yet. */
    BreakerState read(String breaker) {
        BreakerState stored = table.getItem(get -> get.key(key(breaker)).consistentRead(true));
        return stored == null ? BreakerState.closed(breaker) : stored;
    }

    /**
     * Counts a failure of a CLOSED breaker: one more in the current window, or the first of a new window when the last
     * one began before {@code windowFloor}.
     *
     * @return the state after counting, or empty when the breaker is not CLOSED (nothing changed)
     */
    Optional<BreakerState> countFailure(String breaker, long now, long windowFloor) {
        Optional<BreakerState> counted = writes.update(
                table,
                key(breaker),
                UpdateExpression.builder().addAction(add("failures", n(1))).build(),
                condition(
                        "#state = :closed AND #windowStart > :floor",
                        Map.of("#state", "state", "#windowStart", "windowStart"),
                        Map.of(":closed", s(BreakerState.CLOSED), ":floor", n(windowFloor))));
        if (counted.isPresent()) {
            return counted;
        }
        UpdateExpression newWindow = UpdateExpression.builder()
                .addAction(set("state", s(BreakerState.CLOSED)))
                .addAction(set("failures", n(1)))
                .addAction(set("windowStart", n(now)))
                .addAction(ifNotExists("version"))
                .addAction(ifNotExists("openings"))
                .build();
        return writes.update(
                table,
                key(breaker),
                newWindow,
                condition(
                        "attribute_not_exists(#state) OR (#state = :closed AND #windowStart <= :floor)",
                        Map.of("#state", "state", "#windowStart", "windowStart"),
                        Map.of(":closed", s(BreakerState.CLOSED), ":floor", n(windowFloor))));
    }

    /** CLOSED or HALF_OPEN to OPEN until {@code openUntil}, if the breaker is still as the caller saw it. */
    Optional<BreakerState> open(BreakerState seen, long openUntil) {
        UpdateExpression update = UpdateExpression.builder()
                .addAction(set("state", s(BreakerState.OPEN)))
                .addAction(set("openUntil", n(openUntil)))
                .addAction(set("failures", n(0)))
                .addAction(set("probes", n(0)))
                .addAction(add("version", n(1)))
                .addAction(add("openings", n(1)))
                .build();
        return writes.update(table, key(seen.breaker()), update, unchanged(seen));
    }

    /**
     * OPEN (its time over) to HALF_OPEN with the caller's probe claimed, or a HALF_OPEN whose probes never reported
     * to a fresh HALF_OPEN period; {@code probeDeadline} is when its probes may in turn be replaced.
     */
    Optional<BreakerState> halfOpen(BreakerState seen, long probeDeadline) {
        UpdateExpression update = UpdateExpression.builder()
                .addAction(set("state", s(BreakerState.HALF_OPEN)))
                .addAction(set("probes", n(1)))
                .addAction(set("openUntil", n(probeDeadline)))
                .addAction(add("version", n(1)))
                .build();
        return writes.update(table, key(seen.breaker()), update, unchanged(seen));
    }

    /** Claims one more probe of a HALF_OPEN period, while fewer than {@code permitted} are claimed. */
    Optional<BreakerState> claimProbe(BreakerState seen, int permitted) {
        Expression fewerProbes =
                condition("#probes < :permitted", Map.of("#probes", "probes"), Map.of(":permitted", n(permitted)));
        return writes.update(
                table,
                key(seen.breaker()),
                UpdateExpression.builder().addAction(add("probes", n(1))).build(),
                Expression.join(unchanged(seen), fewerProbes, " AND "));
    }

    /** HALF_OPEN to CLOSED after a probe succeeded: a new failure window, the open time back to its first value. */
    Optional<BreakerState> close(BreakerState seen) {
        UpdateExpression update = UpdateExpression.builder()
                .addAction(set("state", s(BreakerState.CLOSED)))
                .addAction(set("failures", n(0)))
                .addAction(set("windowStart", n(0)))
                .addAction(set("probes", n(0)))
                .addAction(set("openings", n(0)))
                .addAction(add("version", n(1)))
                .build();
        return writes.update(table, key(seen.breaker()), update, unchanged(seen));
    }

    /** The breaker is still in the state and at the version the caller saw. */
    private static Expression unchanged(BreakerState seen) {
        return condition(
                "#state = :seenState AND #version = :seenVersion",
                Map.of("#state", "state", "#version", "version"),
                Map.of(":seenState", s(seen.state()), ":seenVersion", n(seen.version())));
    }

    private static Expression condition(
            String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        return Expression.builder()
                .expression(expression)
                .expressionNames(names)
                .expressionValues(values)
                .build();
    }

    private static SetAction ifNotExists(String attribute) {
        return SetAction.builder()
                .path("#" + attribute)
                .value("if_not_exists(#" + attribute + ", :zero" + attribute + ")")
                .putExpressionName("#" + attribute, attribute)
                .putExpressionValue(":zero" + attribute, n(0))
                .build();
    }

    private static Key key(String breaker) {
        return Key.builder().partitionValue(breaker).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
