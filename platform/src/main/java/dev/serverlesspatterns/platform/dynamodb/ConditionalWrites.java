package dev.serverlesspatterns.platform.dynamodb;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClientExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbExtensionContext;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.WriteModification;
import software.amazon.awssdk.enhanced.dynamodb.update.UpdateExpression;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The two conditional writes every table needs, through the enhanced client: a put that never replaces an item (so
 * of any number of concurrent or repeated deliveries exactly one writes), and an update given as an update expression
 * (atomic counters and arithmetic, set ADD/DELETE, list elements) that applies only while its condition holds.
 */
public class ConditionalWrites {

    private final DynamoDbClient dynamo;

    public ConditionalWrites(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Writes the item unless one with its key exists; false when one did (the write then changed nothing). */
    public <T> boolean putIfAbsent(DynamoDbTable<T> table, T item) {
        String partitionKey = table.tableSchema().tableMetadata().primaryPartitionKey();
        Expression absent = Expression.builder()
                .expression("attribute_not_exists(#partitionKey)")
                .putExpressionName("#partitionKey", partitionKey)
                .build();
        try {
            table.putItem(put -> put.item(item).conditionExpression(absent));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /**
     * Applies the update to the item with this key in one {@code UpdateItem}, if the condition holds; DynamoDB
     * evaluates both on the item as it is at that moment, so concurrent updates all count.
     *
     * <p>The enhanced client builds an update from an item and takes further actions only from extensions
     * (aws-sdk-java-v2#5554), so the update runs through a client whose one extension carries exactly these actions
     * and writes nothing of the item but its key.
     *
     * @param condition null for an update that always applies
     * @return the item after the update, or empty when the condition failed (nothing changed)
     */
    public <T> Optional<T> update(DynamoDbTable<T> table, Key key, UpdateExpression update, Expression condition) {
        TableSchema<T> schema = table.tableSchema();
        T keyOnly = schema.mapToItem(key.keyMap(schema, TableMetadata.primaryIndexName()));
        DynamoDbTable<T> once = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(dynamo)
                .extensions(new ThisUpdate(update))
                .build()
                .table(table.tableName(), schema);
        try {
            return Optional.of(once.updateItem(request -> request.item(keyOnly).conditionExpression(condition)));
        } catch (ConditionalCheckFailedException conditionFailed) {
            return Optional.empty();
        }
    }

    private record ThisUpdate(UpdateExpression update) implements DynamoDbEnhancedClientExtension {

        @Override
        public WriteModification beforeWrite(DynamoDbExtensionContext.BeforeWrite context) {
            Map<String, AttributeValue> keyOnly = new HashMap<>();
            context.tableMetadata()
                    .primaryKeys()
                    .forEach(key -> keyOnly.put(key, context.items().get(key)));
            return WriteModification.builder()
                    .transformedItem(keyOnly)
                    .updateExpression(update)
                    .build();
        }
    }
}
