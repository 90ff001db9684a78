package dev.serverlesspatterns.events.identity;

import java.util.Set;

/** Body of {@code POST /admin/users}; {@link dev.serverlesspatterns.events.Schema#CREATE_USER} is its wire contract. */
public record CreateUserRequest(String userId, Set<String> scopes) {}
