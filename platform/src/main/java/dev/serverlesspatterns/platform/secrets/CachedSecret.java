package dev.serverlesspatterns.platform.secrets;

import java.util.function.Function;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A Secrets Manager secret read on first use, not at start-up, and then kept for the life of the execution
 * environment: a context that never needs it never calls Secrets Manager and function init stays off the network. A
 * rotated secret takes effect in new execution environments.
 *
 * <p>Under SnapStart a snapshot may be restored long after it was taken, so the value is forgotten around every
 * snapshot (it is a CRaC resource): before it, where the secret was read before the hooks ran, and after each
 * restore, where the SnapStart priming read it first. A restored copy reads the secret again at its first use.
 *
 * @param <T> what the secret string is read as (the key bytes, a JSON document's record)
 */
public final class CachedSecret<T> implements Resource {

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
        // Held weakly by the CRaC context, strongly by the bean that owns this secret. A no-op outside SnapStart.
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        value = null;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        value = null;
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
