package dev.serverlesspatterns.billing.invoicerun;

/**
 * An invoice run's progress.
 *
 * @param status {@code RUNNING}, then {@code AGGREGATING} and {@code COMPLETED}, or {@code FAILED}
 * @param total chunks of the run; {@code done} and {@code failed} count distinct chunks
 */
record Job(String jobId, String source, String status, int total, int done, int failed) {

    static final String RUNNING = "RUNNING";
    static final String AGGREGATING = "AGGREGATING";
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";

    boolean allChunksDone() {
        return failed == 0 && done == total;
    }
}
