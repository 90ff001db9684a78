package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.template.FunctionDefinition.StreamEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads one shard of a stream in order and hands its records to the function one batch at a time: the next batch
 * is read only once the previous one is settled, so a failing batch holds the shard up until it is retried away or
 * discarded. A batch is {@code BatchSize} records, or fewer once {@code MaximumBatchingWindowInSeconds} has passed
 * since its first record was read. Ends when the shard is closed and read to its end, or when the mapping stops.
 */
final class ShardReader {

    private static final Logger log = LoggerFactory.getLogger(ShardReader.class);
    /** GetRecords returns at most 1000 records. */
    private static final int MAX_RECORDS_PER_READ = 1000;

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration PAUSE_AFTER_READ_ERROR = Duration.ofSeconds(1);

    private final DynamoDbStreamsClient streams;
    private final StreamEvent event;
    private final String streamArn;
    private final String shardId;
    private final StreamBatchProcessor processor;
    private final Clock clock;
    private final StopSignal stop;
    private final Deque<Record> buffer = new ArrayDeque<>();
    private ShardIteratorType startAt;
    private String iterator;
    private String lastReadSequenceNumber;
    private boolean closed;
    private Instant firstBufferedAt;

    ShardReader(
            DynamoDbStreamsClient streams,
            StreamEvent event,
            String streamArn,
            String shardId,
            ShardIteratorType startAt,
            StreamBatchProcessor processor,
            Clock clock,
            StopSignal stop) {
        this.streams = streams;
        this.event = event;
        this.streamArn = streamArn;
        this.shardId = shardId;
        this.startAt = startAt;
        this.processor = processor;
        this.clock = clock;
        this.stop = stop;
    }

    String shardId() {
        return shardId;
    }

    /** Takes the shard's first iterator now, so that LATEST means "from when the mapping started". */
    ShardReader open() {
        iterator = newIterator();
        return this;
    }

    /** @return true when the shard was read to its end; false when the mapping stopped first */
    boolean readToEnd() {
        while (!stop.stopped()) {
            List<Record> batch = nextBatch();
            if (batch.isEmpty()) {
                if (closed && buffer.isEmpty()) {
                    log.debug("{} read shard {} to its end", name(), shardId);
                    return true;
                }
                stop.pause(POLL_INTERVAL);
                continue;
            }
            processor.process(shardId, batch);
        }
        return false;
    }

    private List<Record> nextBatch() {
        read();
        if (buffer.isEmpty()) {
            return List.of();
        }
        Instant windowEnd = firstBufferedAt.plusSeconds(event.maximumBatchingWindowSeconds());
        while (buffer.size() < event.batchSize() && !closed && !stop.stopped()) {
            Duration remaining = Duration.between(clock.instant(), windowEnd);
            if (remaining.isNegative() || remaining.isZero()) {
                break;
            }
            if (!read()) {
                stop.pause(remaining.compareTo(POLL_INTERVAL) < 0 ? remaining : POLL_INTERVAL);
            }
        }
        List<Record> batch = new ArrayList<>();
        while (batch.size() < event.batchSize() && !buffer.isEmpty()) {
            batch.add(buffer.poll());
        }
        firstBufferedAt = clock.instant();
        return batch;
    }

    /** Reads what the shard has beyond the buffer, up to a full batch; @return true when records were added. */
    private boolean read() {
        if (closed || buffer.size() >= event.batchSize()) {
            return false;
        }
        try {
            if (iterator == null) {
                iterator = newIterator();
            }
            String current = iterator;
            GetRecordsResponse response = streams.getRecords(request -> request.shardIterator(current)
                    .limit(Math.min(MAX_RECORDS_PER_READ, event.batchSize() - buffer.size())));
            iterator = response.nextShardIterator();
            closed = iterator == null;
            if (response.records().isEmpty()) {
                return false;
            }
            if (buffer.isEmpty()) {
                firstBufferedAt = clock.instant();
            }
            buffer.addAll(response.records());
            lastReadSequenceNumber = response.records().getLast().dynamodb().sequenceNumber();
            return true;
        } catch (ExpiredIteratorException expired) {
            iterator = null;
            return false;
        } catch (TrimmedDataAccessException trimmed) {
            log.warn(
                    "{}: records after {} of shard {} were trimmed from the stream before they were read",
                    name(),
                    lastReadSequenceNumber,
                    shardId);
            iterator = null;
            lastReadSequenceNumber = null;
            startAt = ShardIteratorType.TRIM_HORIZON;
            return false;
        } catch (SdkException failure) {
            log.warn("{} cannot read shard {} of {}: {}", name(), shardId, streamArn, failure.getMessage());
            stop.pause(PAUSE_AFTER_READ_ERROR);
            return false;
        }
    }

    /** An iterator just after the last record read, or at the starting position when nothing was read yet. */
    private String newIterator() {
        return streams.getShardIterator(request -> {
                    request.streamArn(streamArn).shardId(shardId);
                    if (lastReadSequenceNumber == null) {
                        request.shardIteratorType(startAt);
                    } else {
                        request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                .sequenceNumber(lastReadSequenceNumber);
                    }
                })
                .shardIterator();
    }

    private String name() {
        return event.functionLogicalId() + "." + event.name();
    }
}
