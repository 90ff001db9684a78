package dev.serverlesspatterns.authorizer;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The provisioned users table, seen directly: to seed users and to check what a function wrote. Tests receive one
 * as a parameter from {@link AuthorizerExtension}, which closes it after the test.
 */
public final class UsersTable implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String table;

    public UsersTable(ProvisionedStack stack) {
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.table = stack.physicalName("UsersTable");
    }

    /** The emulator is shared by every test of the JVM, so each test works on users of its own. */
    public static String newUserId() {
        return "user-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** Seeds an {@code ACTIVE} user of this test's own, holding the given scopes, and answers its id. */
    public String newActiveUser(String... scopes) {
        return newUser("ACTIVE", scopes);
    }

    /** Seeds a user of this test's own, in the given status and holding the given scopes, and answers its id. */
    public String newUser(String status, String... scopes) {
        String userId = newUserId();
        put(userId, status, scopes);
        return userId;
    }

    private void put(String userId, String status, String... scopes) {
        String now = Instant.now().toString();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", AttributeValue.fromS(userId));
        item.put("secretHash", AttributeValue.fromS("0".repeat(64)));
        if (scopes.length > 0) {
            item.put("scopes", AttributeValue.fromSs(Arrays.asList(scopes)));
        }
        item.put("status", AttributeValue.fromS(status));
        item.put("createdAt", AttributeValue.fromS(now));
        item.put("updatedAt", AttributeValue.fromS(now));
        dynamo.putItem(put -> put.tableName(table).item(item));
    }

    public Optional<Map<String, AttributeValue>> item(String userId) {
        var response = dynamo.getItem(get -> get.tableName(table)
                .key(Map.of("userId", AttributeValue.fromS(userId)))
                .consistentRead(true));
        return response.hasItem() ? Optional.of(response.item()) : Optional.empty();
    }

    /** The scopes the stored user holds; the user must exist and hold some. */
    public List<String> scopesOf(String userId) {
        return item(userId).orElseThrow().get("scopes").ss();
    }

    /** The status of the stored user, which must exist. */
    public String statusOf(String userId) {
        return item(userId).orElseThrow().get("status").s();
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
