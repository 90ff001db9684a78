package dev.serverlesspatterns.e2e;

import dev.serverlesspatterns.local.LocalSuite;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Finds what a service's table recorded about an order, whatever its key (the tables are small in a test). */
final class OrderItems {

    private OrderItems() {}

    /** The first item of the table whose {@code orderId} is the order's, read consistently; empty when none. */
    static Map<String, AttributeValue> of(DynamoDbClient dynamo, LocalSuite suite, String table, String orderId) {
        return dynamo
                .scanPaginator(scan -> scan.tableName(suite.stack().ref(table))
                        .consistentRead(true)
                        .filterExpression("orderId = :orderId")
                        .expressionAttributeValues(Map.of(":orderId", AttributeValue.fromS(orderId))))
                .items()
                .stream()
                .findFirst()
                .orElse(Map.of());
    }
}
