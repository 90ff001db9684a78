package dev.serverlesspatterns.authorizer.users;

import java.util.Set;

/**
 * User ids no row may take. {@code admin} is the bootstrap admin's client id (the {@code SecretStringTemplate} of the
 * template's {@code AdminClientSecret}); the token endpoint checks that id before the table, so a row with it could
 * never sign in.
 */
final class ReservedUserIds {

    private static final Set<String> RESERVED = Set.of("admin");

    private ReservedUserIds() {}

    static boolean isReserved(String userId) {
        return RESERVED.contains(userId);
    }
}
