package dev.serverlesspatterns.local.events;

import java.time.Instant;
import java.util.List;

/**
 * The part of a stream event source mapping that differs between DynamoDB streams and Kinesis: listing shards,
 * taking iterators, reading records, and the event and failure record Lambda builds from them. Everything else
 * (reading shards in order, batching, bisecting, retries, maximum record age, on-failure) is shared.
 *
 * @param <R> the SDK's record type of the stream
 */
interface StreamShards<R> {

    /** Where a shard with nothing read yet begins. */
    enum Position {
        LATEST,
        TRIM_HORIZON
    }

    /** @param closed whether the shard takes no new records (it has an ending sequence number) */
    record Shard(String shardId, String parentShardId, boolean closed) {}

    /** @param nextIterator null when the shard is closed and read to its end */
    record Page<R>(List<R> records, String nextIterator) {}

    /** The iterator has expired: take a new one after the last record read. */
    final class IteratorExpired extends RuntimeException {
        IteratorExpired(Throwable cause) {
            super(cause);
        }
    }

    /** The records after the last one read were trimmed before they were read: start again at the trim horizon. */
    final class Trimmed extends RuntimeException {
        Trimmed(Throwable cause) {
            super(cause);
        }
    }

    /** For thread names and the log, such as {@code ddb} or {@code kinesis}. */
    String kind();

    String streamArn();

    List<Shard> shards();

    /** @param afterSequenceNumber the last record read, or null to begin at {@code position} */
    String iterator(String shardId, Position position, String afterSequenceNumber);

    /**
     * @throws IteratorExpired when the iterator has expired
     * @throws Trimmed when the records it points at are gone
     */
    Page<R> read(String iterator, int limit);

    /** The most records one GetRecords call returns. */
    int maxRecordsPerRead();

    String sequenceNumber(R record);

    /** When the record reached the stream; null when the stream does not say. */
    Instant arrival(R record);

    /** The event Lambda hands the function for these records. */
    byte[] event(String shardId, List<R> records);

    /** The field of Lambda's on-failure record that names the discarded records. */
    String batchInfoField();
}
