package dev.serverlesspatterns.platform.priming;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** DynamoDB writes for a {@link PrimingWarmUp}: real requests whose condition cannot hold, so they write nothing. */
public final class RefusedWrites {

    private RefusedWrites() {}

    /**
     * A {@code PutItem} of the item through the function's own table (its schema, its enhanced client), conditioned on
     * an item with the same key existing already. Give it a key no item can have: the condition then fails and nothing
     * is written.
     *
     * @throws IllegalStateException when the condition held, that is when the key was not one no item can have
     */
    public static <T> void putItem(DynamoDbTable<T> table, T itemWithUnusedKey) {
        String partitionKey = table.tableSchema().tableMetadata().primaryPartitionKey();
        Expression exists = Expression.builder()
                .expression("attribute_exists(#partitionKey)")
                .putExpressionName("#partitionKey", partitionKey)
                .build();
        try {
            table.putItem(put -> put.item(itemWithUnusedKey).conditionExpression(exists));
        } catch (ConditionalCheckFailedException refused) {
            return;
        }
        throw new IllegalStateException("A priming PutItem to " + table.tableName()
                + " replaced an item: its key is in use, choose one no item can have");
    }
}
