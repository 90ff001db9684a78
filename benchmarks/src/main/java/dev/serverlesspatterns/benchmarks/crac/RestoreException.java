package dev.serverlesspatterns.benchmarks.crac;

/** A resource failed after the restore; each failure is a suppressed exception. */
public class RestoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public RestoreException() {
        super("A resource failed after the restore");
    }
}
