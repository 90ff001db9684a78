package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Looks straight into the provisioned orders table, past the functions, to see what they wrote. */
final class OrdersTableProbe implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String table;

    OrdersTableProbe(ProvisionedStack stack) {
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.table = stack.physicalName("OrdersTable");
    }

    /** Every item of the customer, read consistently from the table itself rather than from the index. */
    int countOrdersOf(String customerId) {
        return dynamo
                .scanPaginator(scan -> scan.tableName(table)
                        .consistentRead(true)
                        .filterExpression("customerId = :customerId")
                        .expressionAttributeValues(Map.of(":customerId", AttributeValue.fromS(customerId))))
                .stream()
                .mapToInt(page -> page.count())
                .sum();
    }

    Map<String, AttributeValue> item(String orderId) {
        return dynamo.getItem(get -> get.tableName(table)
                        .key(Map.of("orderId", AttributeValue.fromS(orderId)))
                        .consistentRead(true))
                .item();
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
