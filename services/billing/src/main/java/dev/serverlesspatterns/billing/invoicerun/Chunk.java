package dev.serverlesspatterns.billing.invoicerun;

import java.util.List;

/**
 * One chunk message of an invoice run: the run file's lines {@code chunk * chunkSize} onwards, as uploaded.
 *
 * @param chunk from 0 to {@code total - 1}
 */
record Chunk(String jobId, int chunk, int total, List<String> lines) {

    /** The chunk's name in the job's items and objects, sortable: {@code 00003}. */
    String name() {
        return name(chunk);
    }

    static String name(int chunk) {
        return String.format("%05d", chunk);
    }
}
