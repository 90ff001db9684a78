package dev.serverlesspatterns.authorizer.gatekeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokenTest {

    @Test
    void effectiveScopesAreTheCurrentScopesTheTokenWasIssuedFor() {
        // given
        VerifiedToken token = new VerifiedToken("user-1", Set.of("orders:read", "orders:write"), false);

        // when
        Set<String> effective = token.effectiveScopes(Set.of("orders:read", "catalog:read"));

        // then
        assertThat(effective).containsExactly("orders:read");
    }

    @Test
    void tokenWithoutScopeClaimGetsTheCurrentScopes() {
        // given
        VerifiedToken token = new VerifiedToken("user-1", null, false);

        // when
        Set<String> effective = token.effectiveScopes(Set.of("orders:read", "catalog:read"));

        // then
        assertThat(effective).containsExactly("catalog:read", "orders:read");
    }
}
