package dev.serverlesspatterns.local.events;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** A table with a NEW_AND_OLD_IMAGES stream that a test creates directly in the emulator, keyed by {@code id}. */
record TestTable(String name, String streamArn) {

    static TestTable create(DynamoDbClient dynamo, String name) {
        String streamArn = dynamo.createTable(request -> request.tableName(name)
                        .keySchema(key -> key.attributeName("id").keyType(KeyType.HASH))
                        .attributeDefinitions(
                                attribute -> attribute.attributeName("id").attributeType(ScalarAttributeType.S))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(
                                stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription()
                .latestStreamArn();
        return new TestTable(name, streamArn);
    }

    /** Writes item {@code id} with a {@code status}: one INSERT or MODIFY record in the stream. */
    void put(DynamoDbClient dynamo, String id, String status) {
        dynamo.putItem(request -> request.tableName(name)
                .item(Map.of(
                        "id", AttributeValue.fromS(id),
                        "status", AttributeValue.fromS(status))));
    }

    void delete(DynamoDbClient dynamo, String id) {
        dynamo.deleteItem(request -> request.tableName(name).key(Map.of("id", AttributeValue.fromS(id))));
    }
}
