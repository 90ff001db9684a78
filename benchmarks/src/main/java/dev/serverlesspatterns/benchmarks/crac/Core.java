package dev.serverlesspatterns.benchmarks.crac;

/**
 * What org.crac calls on a CRaC implementation ({@code org.crac.Core.Compat} names this package): the global context,
 * and {@code checkpointRestore}, which here runs the checkpoint hooks and then the restore hooks in the same JVM.
 */
public final class Core {

    /** Static like the JDK's: org.crac looks the global context up through this class, never an instance. */
    private static final Context<Resource> GLOBAL_CONTEXT = new Context<>();

    private Core() {}

    public static Context<Resource> getGlobalContext() {
        return GLOBAL_CONTEXT;
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        GLOBAL_CONTEXT.beforeCheckpoint();
        GLOBAL_CONTEXT.afterRestore();
    }
}
