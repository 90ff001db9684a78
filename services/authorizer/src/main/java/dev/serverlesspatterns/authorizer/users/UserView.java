package dev.serverlesspatterns.authorizer.users;

import java.time.Instant;
import java.util.List;

/** A user as the admin API shows it: everything but the secret hash. */
record UserView(String userId, List<String> scopes, UserStatus status, Instant createdAt, Instant updatedAt) {

    static UserView of(User user) {
        return new UserView(
                user.userId(),
                user.scopes().stream().sorted().toList(),
                user.status(),
                user.createdAt(),
                user.updatedAt());
    }
}
