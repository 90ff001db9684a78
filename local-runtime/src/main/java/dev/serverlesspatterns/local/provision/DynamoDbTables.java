package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.template.TemplateResource;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@code AWS::DynamoDB::Table}: keys, indexes, billing, streams and TTL as the template declares them. */
final class DynamoDbTables {

    static final String TYPE = "AWS::DynamoDB::Table";

    private DynamoDbTables() {}

    static void create(DynamoDbClient dynamo, TemplateResource resource, Stack stack) {
        Map<String, Object> properties = resource.properties();
        String tableName = properties.containsKey("TableName")
                ? stack.intrinsics().resolveString(properties.get("TableName"))
                : stack.generatedName(resource.logicalId());
        boolean onDemand = "PAY_PER_REQUEST".equals(properties.get("BillingMode"));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(maps(properties.get("AttributeDefinitions")).stream()
                        .map(attribute -> AttributeDefinition.builder()
                                .attributeName(text(attribute, "AttributeName"))
                                .attributeType(text(attribute, "AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema")))
                .billingMode(onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED);
        if (!onDemand) {
            request.provisionedThroughput(throughput());
        }
        List<GlobalSecondaryIndex> indexes = maps(properties.get("GlobalSecondaryIndexes")).stream()
                .map(index -> {
                    GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                            .indexName(text(index, "IndexName"))
                            .keySchema(keySchema(index.get("KeySchema")))
                            .projection(Projection.builder()
                                    .projectionType(text(map(index.get("Projection")), "ProjectionType"))
                                    .build());
                    return onDemand
                            ? gsi.build()
                            : gsi.provisionedThroughput(throughput()).build();
                })
                .toList();
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        Map<String, Object> stream = map(properties.get("StreamSpecification"));
        if (!stream.isEmpty()) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(text(stream, "StreamViewType"))
                    .build());
        }
        TableDescription table;
        try {
            table = dynamo.createTable(request.build()).tableDescription();
            enableTimeToLive(dynamo, tableName, map(properties.get("TimeToLiveSpecification")));
        } catch (ResourceInUseException alreadyThere) {
            table = dynamo.describeTable(describe -> describe.tableName(tableName))
                    .table();
        }
        stack.record(
                resource.logicalId(),
                tableName,
                table.latestStreamArn() == null
                        ? Map.of("Arn", table.tableArn())
                        : Map.of("Arn", table.tableArn(), "StreamArn", table.latestStreamArn()));
    }

    /** Stored by the emulator; moto never expires items, so readers must filter on the TTL attribute themselves. */
    private static void enableTimeToLive(DynamoDbClient dynamo, String tableName, Map<String, Object> timeToLive) {
        if (Boolean.parseBoolean(String.valueOf(timeToLive.get("Enabled")))) {
            dynamo.updateTimeToLive(update -> update.tableName(tableName)
                    .timeToLiveSpecification(ttl ->
                            ttl.attributeName(text(timeToLive, "AttributeName")).enabled(true)));
        }
    }

    private static List<KeySchemaElement> keySchema(Object definition) {
        return maps(definition).stream()
                .map(key -> KeySchemaElement.builder()
                        .attributeName(text(key, "AttributeName"))
                        .keyType(text(key, "KeyType"))
                        .build())
                .toList();
    }

    private static ProvisionedThroughput throughput() {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(5L)
                .writeCapacityUnits(5L)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static String text(Map<String, Object> map, String key) {
        return String.valueOf(map.get(key));
    }
}
