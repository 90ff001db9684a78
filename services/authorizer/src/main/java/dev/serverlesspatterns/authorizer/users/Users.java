package dev.serverlesspatterns.authorizer.users;

import static dev.serverlesspatterns.platform.dynamodb.UpdateActions.add;
import static dev.serverlesspatterns.platform.dynamodb.UpdateActions.delete;
import static dev.serverlesspatterns.platform.dynamodb.UpdateActions.set;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.serverlesspatterns.authorizer.AuthorizerProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import dev.serverlesspatterns.platform.priming.RefusedWrites;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.update.UpdateExpression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The users table. Every change is one conditional write: creating never replaces an existing user (or its
 * secret), updating never brings a missing user into being, and ADD/DELETE change the scope set atomically, so
 * concurrent grants and revokes do not lose each other. An empty scope set is stored as no attribute at all,
 * because DynamoDB forbids empty sets.
 */
@Component
public class Users {

    private static final TableSchema<User> SCHEMA = RecordSchema.of(
                    User.class,
                    user -> new User(
                            user.get("userId"),
                            user.get("secretHash"),
                            new TreeSet<>(user.get("scopes", Set.<String>of())),
                            user.get("status"),
                            user.get("createdAt"),
                            user.get("updatedAt")))
            .attribute(String.class, "userId", User::userId, primaryPartitionKey())
            .attribute(String.class, "secretHash", User::secretHash)
            .attribute(
                    EnhancedType.setOf(String.class),
                    "scopes",
                    user -> user.scopes().isEmpty() ? null : user.scopes())
            .attribute(UserStatus.class, "status", User::status)
            .attribute(Instant.class, "createdAt", User::createdAt)
            .attribute(Instant.class, "updatedAt", User::updatedAt)
            .build();

    private static final Expression EXISTS = Expression.builder()
            .expression("attribute_exists(#userId)")
            .putExpressionName("#userId", "userId")
            .build();

    private final DynamoDbTable<User> table;
    private final ConditionalWrites writes;

    Users(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, AuthorizerProperties properties) {
        this.table = dynamo.table(
                Settings.required(properties.usersTableName(), "authorizer.users-table-name", "USERS_TABLE"), SCHEMA);
        this.writes = writes;
    }

    /** A strongly consistent read, so a disabled user is denied from the next uncached decision on. */
    public Optional<User> find(String userId) {
        return Optional.ofNullable(table.getItem(get -> get.key(key(userId)).consistentRead(true)));
    }

    /** @return false when a user with this id exists already */
    boolean create(User user) {
        return writes.putIfAbsent(table, user);
    }

    /**
     * The {@code PutItem} of {@link #create} for SnapStart priming, refused by a condition that cannot hold. Give it a
     * reserved user id: no row has one.
     */
    void createRefused(User user) {
        RefusedWrites.putItem(table, user);
    }

    /** @return the user after the change, empty when there is no such user */
    Optional<User> grant(String userId, String scope, Instant now) {
        return update(userId, UpdateExpression.builder().addAction(add("scopes", scopes(scope))), now);
    }

    /** Removing the last scope removes the attribute, which DynamoDB does by itself for sets. */
    Optional<User> revoke(String userId, String scope, Instant now) {
        return update(userId, UpdateExpression.builder().addAction(delete("scopes", scopes(scope))), now);
    }

    Optional<User> disable(String userId, Instant now) {
        return update(
                userId,
                UpdateExpression.builder().addAction(set("status", AttributeValue.fromS(UserStatus.DISABLED.name()))),
                now);
    }

    private Optional<User> update(String userId, UpdateExpression.Builder change, Instant now) {
        UpdateExpression update = change.addAction(set("updatedAt", AttributeValue.fromS(now.toString())))
                .build();
        return writes.update(table, key(userId), update, EXISTS);
    }

    private static AttributeValue scopes(String scope) {
        return AttributeValue.fromSs(List.of(scope));
    }

    private static Key key(String userId) {
        return Key.builder().partitionValue(userId).build();
    }
}
