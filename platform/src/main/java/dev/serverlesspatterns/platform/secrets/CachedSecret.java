package dev.serverlesspatterns.platform.secrets;

import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A Secrets Manager secret read on first use, not at start-up, and then kept for the life of the execution
 * environment: a context that never needs it never calls Secrets Manager, function init stays off the network, and a
 * SnapStart snapshot never holds the value. A rotated secret takes effect in new execution environments.
 *
 * @param <T> what the secret string is read as (the key bytes, a JSON document's record)
 */
public final class CachedSecret<T> {

    private final SecretsManagerClient secretsManager;
    private final Supplier<String> secretId;
    private final Function<String, T> reader;
    private volatile T value;

    /**
     * @param secretId the secret's ARN or name, asked for at first use, so a missing setting fails there with its
     *     name rather than when the context starts
     * @param reader turns the secret string into the value; it may refuse a malformed secret by throwing
     */
    public CachedSecret(SecretsManagerClient secretsManager, Supplier<String> secretId, Function<String, T> reader) {
        this.secretsManager = secretsManager;
        this.secretId = secretId;
        this.reader = reader;
    }

    public T value() {
        T cached = value;
        if (cached == null) {
            String id = secretId.get();
            // Two threads racing here both fetch the same value; that is cheaper than a lock on every use.
            cached = reader.apply(secretsManager
                    .getSecretValue(request -> request.secretId(id))
                    .secretString());
            value = cached;
        }
        return cached;
    }
}
