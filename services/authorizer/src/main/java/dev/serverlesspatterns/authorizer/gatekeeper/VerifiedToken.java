package dev.serverlesspatterns.authorizer.gatekeeper;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a token proved once its signature and claims checked out.
 *
 * @param scopeClaim the token's {@code scope} claim, or null when the token has none
 * @param bootstrapAdmin an HS256 token this service issued to the bootstrap admin
 */
record VerifiedToken(String subject, Set<String> scopeClaim, boolean bootstrapAdmin) {

    /**
     * The scopes the caller holds now, narrowed to those the token was issued for: a revoked scope is gone as soon
     * as the table says so, and a token asked for with fewer scopes never gains the others.
     */
    Set<String> effectiveScopes(Set<String> currentScopes) {
        Set<String> effective = new TreeSet<>(currentScopes);
        if (scopeClaim != null) {
            effective.retainAll(scopeClaim);
        }
        return effective;
    }
}
