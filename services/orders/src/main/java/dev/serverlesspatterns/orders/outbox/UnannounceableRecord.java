package dev.serverlesspatterns.orders.outbox;

/**
 * A stream record whose images lack what its order event needs. No retry can fix it, so it fails the invocation:
 * Lambda bisects the batch down to it and parks exactly it in the on-failure queue.
 */
class UnannounceableRecord extends RuntimeException {

    UnannounceableRecord(String sequenceNumber, RuntimeException reason) {
        super("Stream record " + sequenceNumber + " announces no order event: " + reason.getMessage(), reason);
    }
}
