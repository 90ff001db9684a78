package dev.serverlesspatterns.local.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** API Gateway's authorizer result cache: one decision per authorizer and token, kept for the result TTL. */
final class AuthorizerCache {

    private record Entry(AuthorizerDecision decision, Instant expiresAt) {}

    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    AuthorizerCache(Clock clock) {
        this.clock = clock;
    }

    Optional<AuthorizerDecision> get(String authorizer, String token) {
        Entry entry = entries.get(authorizer + '\n' + token);
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.decision());
    }

    void put(String authorizer, String token, AuthorizerDecision decision, int ttlSeconds) {
        if (ttlSeconds > 0) {
            entries.put(
                    authorizer + '\n' + token,
                    new Entry(decision, clock.instant().plusSeconds(ttlSeconds)));
        }
    }
}
