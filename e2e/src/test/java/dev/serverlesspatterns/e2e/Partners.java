package dev.serverlesspatterns.e2e;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.sandbox.partner.PartnerSandbox;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The partners service's surroundings in the local suite: its partner sandbox (a companion app) and its tables. */
final class Partners implements AutoCloseable {

    private final LocalSuite suite;
    private final DynamoDbClient dynamo;

    Partners(LocalSuite suite) {
        this.suite = suite;
        this.dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder());
    }

    /** The sandbox the suite started for {@code PartnerApiUrl}. */
    PartnerSandbox sandbox() {
        return PartnerSandbox.at(URI.create(parameter("PartnerApiUrl")));
    }

    String parameter(String name) {
        return String.valueOf(suite.stack().resolveAll(Map.of("Ref", name)));
    }

    String table(String logicalId) {
        return suite.stack().ref(logicalId);
    }

    Map<String, AttributeValue> breaker(String name) {
        return dynamo.getItem(get -> get.tableName(table("BreakerStateTable"))
                        .key(Map.of("breaker", AttributeValue.fromS(name)))
                        .consistentRead(true))
                .item();
    }

    /** Forgets the breaker (CLOSED, nothing counted); instances notice within their state cache's 1 s. */
    void resetBreaker(String name) {
        dynamo.deleteItem(delete ->
                delete.tableName(table("BreakerStateTable")).key(Map.of("breaker", AttributeValue.fromS(name))));
    }

    /** Deletes every recorded partner failure (the emulator never expires them). */
    void clearFailures() {
        String failures = table("PartnerFailuresTable");
        dynamo.scan(scan -> scan.tableName(failures))
                .items()
                .forEach(item -> dynamo.deleteItem(
                        delete -> delete.tableName(failures).key(Map.of("failureId", item.get("failureId")))));
    }

    int unexpiredFailures(String target) {
        long now = System.currentTimeMillis() / 1000;
        return dynamo.query(query -> query.tableName(table("PartnerFailuresTable"))
                        .indexName("byTarget")
                        .keyConditionExpression("#target = :target AND expiresAt > :now")
                        .expressionAttributeNames(Map.of("#target", "target"))
                        .expressionAttributeValues(Map.of(
                                ":target", AttributeValue.fromS(target),
                                ":now", AttributeValue.fromN(Long.toString(now)))))
                .count();
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
