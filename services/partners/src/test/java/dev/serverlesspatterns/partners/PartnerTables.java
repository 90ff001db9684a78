package dev.serverlesspatterns.partners;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The partners service's tables as a test sees them: read, and emptied between tests that share a breaker. */
public final class PartnerTables implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String breakerTable;
    private final String failuresTable;

    public PartnerTables(ProvisionedStack stack) {
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.breakerTable = stack.physicalName("BreakerStateTable");
        this.failuresTable = stack.physicalName("PartnerFailuresTable");
    }

    /** The breaker's item, empty when it has none. */
    public Map<String, AttributeValue> breaker(String name) {
        return dynamo.getItem(get -> get.tableName(breakerTable)
                        .key(Map.of("breaker", AttributeValue.fromS(name)))
                        .consistentRead(true))
                .item();
    }

    /** Forgets the breaker: it is CLOSED with no failures counted. */
    public void resetBreaker(String name) {
        dynamo.deleteItem(delete -> delete.tableName(breakerTable).key(Map.of("breaker", AttributeValue.fromS(name))));
    }

    public List<Map<String, AttributeValue>> failures() {
        return dynamo.scan(scan -> scan.tableName(failuresTable).consistentRead(true))
                .items();
    }

    /** Deletes every recorded failure (the emulator never expires them). */
    public void clearFailures() {
        failures()
                .forEach(item -> dynamo.deleteItem(
                        delete -> delete.tableName(failuresTable).key(Map.of("failureId", item.get("failureId")))));
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
