package dev.serverlesspatterns.authorizer.users;

import dev.serverlesspatterns.authorizer.AuthorizerProperties;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The users table. Every change is one conditional write: creating never replaces an existing user (or its
 * secret), updating never brings a missing user into being, and ADD/DELETE change the scope set atomically, so
 * concurrent grants and revokes do not lose each other. An empty scope set is stored as no attribute at all,
 * because DynamoDB forbids empty sets.
 */
@Component
public class Users {

    private static final String USER_ID = "userId";
    private static final String SECRET_HASH = "secretHash";
    private static final String SCOPES = "scopes";
    private static final String STATUS = "status";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String EXISTS = "attribute_exists(userId)";

    private final DynamoDbClient dynamo;
    private final String table;

    Users(DynamoDbClient dynamo, AuthorizerProperties properties) {
        this.dynamo = dynamo;
        this.table = AuthorizerProperties.required(properties.usersTable(), "USERS_TABLE");
    }

    /** A strongly consistent read, so a disabled user is denied from the next uncached decision on. */
    public Optional<User> find(String userId) {
        var response =
                dynamo.getItem(get -> get.tableName(table).key(key(userId)).consistentRead(true));
        return response.hasItem() ? Optional.of(toUser(response.item())) : Optional.empty();
    }

    /** @return false when a user with this id exists already */
    boolean create(User user) {
        Map<String, AttributeValue> item = new HashMap<>(key(user.userId()));
        item.put(SECRET_HASH, AttributeValue.fromS(user.secretHash()));
        if (!user.scopes().isEmpty()) {
            item.put(SCOPES, AttributeValue.fromSs(List.copyOf(user.scopes())));
        }
        item.put(STATUS, AttributeValue.fromS(user.status().name()));
        item.put(CREATED_AT, AttributeValue.fromS(user.createdAt().toString()));
        item.put(UPDATED_AT, AttributeValue.fromS(user.updatedAt().toString()));
        try {
            dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(userId)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** @return the user after the change, empty when there is no such user */
    Optional<User> grant(String userId, String scope, Instant now) {
        return update(
                userId,
                "ADD scopes :scope SET updatedAt = :now",
                Map.of(),
                Map.of(":scope", AttributeValue.fromSs(List.of(scope)), ":now", AttributeValue.fromS(now.toString())));
    }

    /** Removing the last scope removes the attribute, which DynamoDB does by itself for sets. */
    Optional<User> revoke(String userId, String scope, Instant now) {
        return update(
                userId,
                "DELETE scopes :scope SET updatedAt = :now",
                Map.of(),
                Map.of(":scope", AttributeValue.fromSs(List.of(scope)), ":now", AttributeValue.fromS(now.toString())));
    }

    Optional<User> disable(String userId, Instant now) {
        // "status" is a DynamoDB reserved word, hence the name placeholder.
        return update(
                userId,
                "SET #status = :disabled, updatedAt = :now",
                Map.of("#status", STATUS),
                Map.of(
                        ":disabled", AttributeValue.fromS(UserStatus.DISABLED.name()),
                        ":now", AttributeValue.fromS(now.toString())));
    }

    private Optional<User> update(
            String userId, String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            var response = dynamo.updateItem(update -> update.tableName(table)
                    .key(key(userId))
                    .updateExpression(expression)
                    .conditionExpression(EXISTS)
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(toUser(response.attributes()));
        } catch (ConditionalCheckFailedException missing) {
            return Optional.empty();
        }
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of(USER_ID, AttributeValue.fromS(userId));
    }

    private static User toUser(Map<String, AttributeValue> item) {
        AttributeValue scopes = item.get(SCOPES);
        AttributeValue secretHash = item.get(SECRET_HASH);
        return new User(
                item.get(USER_ID).s(),
                secretHash == null ? null : secretHash.s(),
                scopes == null ? Set.of() : new TreeSet<>(scopes.ss()),
                UserStatus.valueOf(item.get(STATUS).s()),
                Instant.parse(item.get(CREATED_AT).s()),
                Instant.parse(item.get(UPDATED_AT).s()));
    }
}
