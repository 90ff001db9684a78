package dev.serverlesspatterns.benchmarks.crac;

/** A resource refused the checkpoint; each refusal is a suppressed exception. */
public class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException() {
        super("A resource refused the checkpoint");
    }
}
