package dev.serverlesspatterns.billing.invoicerun;

/** A chunk that can never be billed as it is (a line breaks the run file's format): retrying cannot help. */
final class ChunkRejected extends RuntimeException {

    ChunkRejected(String reason) {
        super(reason, null, false, false);
    }
}
