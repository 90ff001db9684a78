package dev.serverlesspatterns.events.identity;

/** Body of {@code POST /admin/users/{userId}/scopes}; {@link dev.serverlesspatterns.events.Schema#GRANT_SCOPE}. */
public record GrantScopeRequest(String scope) {}
