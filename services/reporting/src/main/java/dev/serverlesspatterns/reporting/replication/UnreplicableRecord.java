package dev.serverlesspatterns.reporting.replication;

/** A stream record whose image the read model cannot take: retrying changes nothing, so it fails the whole batch. */
class UnreplicableRecord extends RuntimeException {

    UnreplicableRecord(String sequenceNumber, Exception cause) {
        super("Stream record " + sequenceNumber + " cannot be replicated: " + cause.getMessage(), cause);
    }
}
