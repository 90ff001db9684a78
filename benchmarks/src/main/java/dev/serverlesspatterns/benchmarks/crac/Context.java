package dev.serverlesspatterns.benchmarks.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The global context: keeps the registered resources and calls them as a CRaC JDK's global context does, the
 * checkpoint in reverse order of registration, the restore in order.
 */
public final class Context<R extends Resource> {

    private final List<R> resources = new ArrayList<>();

    Context() {}

    public synchronized void register(R resource) {
        resources.add(resource);
    }

    synchronized void beforeCheckpoint() throws CheckpointException {
        CheckpointException refused = new CheckpointException();
        for (R resource : resources.reversed()) {
            try {
                resource.beforeCheckpoint(this);
            } catch (Exception failure) {
                refused.addSuppressed(failure);
            }
        }
        if (refused.getSuppressed().length > 0) {
            throw refused;
        }
    }

    synchronized void afterRestore() throws RestoreException {
        RestoreException failed = new RestoreException();
        for (R resource : resources) {
            try {
                resource.afterRestore(this);
            } catch (Exception failure) {
                failed.addSuppressed(failure);
            }
        }
        if (failed.getSuppressed().length > 0) {
            throw failed;
        }
    }
}
