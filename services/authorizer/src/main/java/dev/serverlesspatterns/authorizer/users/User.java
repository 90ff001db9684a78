package dev.serverlesspatterns.authorizer.users;

import java.time.Instant;
import java.util.Set;

/**
 * A user of the API, which is also an OAuth client: its id is the client id, its secret is kept only as a hash.
 *
 * @param scopes what the user may do now; the authorizer reads them on every decision it does not have cached
 */
public record User(
        String userId, String secretHash, Set<String> scopes, UserStatus status, Instant createdAt, Instant updatedAt) {

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }
}
