package dev.serverlesspatterns.authorizer.users;

import java.util.List;

/** The answer to a created user: the only time its client secret is ever shown. */
record CreatedUser(String userId, List<String> scopes, UserStatus status, String clientSecret) {}
