package dev.serverlesspatterns.local.testing;

import dev.serverlesspatterns.local.provision.Stack;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** What a test needs to look at the emulator behind the functions it drives. */
public final class ProvisionedStack {

    private final Stack stack;

    /** The view of a stack provisioned elsewhere: a running suite's, say. */
    public ProvisionedStack(Stack stack) {
        this.stack = stack;
    }

    /** What {@code Ref} returns for a resource: a table's name, a secret's ARN. */
    public String physicalName(String logicalId) {
        return stack.ref(logicalId);
    }

    public String secretString(String logicalId) {
        return stack.secretValue(logicalId)
                .orElseThrow(() -> new IllegalArgumentException(logicalId + " is not a provisioned secret"));
    }

    /** An SDK client for the emulator, for assertions on what a function wrote. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return stack.endpoint().configure(builder);
    }

    /** The number of items in every table of the emulator, by table name: what a test compares to prove nothing was written. */
    /** The environment the template gives a function, resolved: for a test that reaches what the function reaches. */
    public Map<String, String> environment(String functionLogicalId) {
        return stack.template().function(functionLogicalId).environment(stack.intrinsics());
    }

    public Map<String, Integer> itemCounts() {
        try (DynamoDbClient dynamo = client(DynamoDbClient.builder())) {
            return dynamo.listTables().tableNames().stream()
                    .collect(Collectors.toMap(
                            table -> table,
                            table -> dynamo
                                    .scanPaginator(scan -> scan.tableName(table).select(Select.COUNT))
                                    .stream()
                                    .mapToInt(page -> page.count())
                                    .sum()));
        }
    }
}
