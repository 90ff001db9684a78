package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.events.StreamShards.Page;
import dev.serverlesspatterns.local.events.StreamShards.Position;
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

/**
 * Reads one shard of a stream in order and hands its records to the function one batch at a time: the next batch
 * is handed over only once the previous one is settled, so a failing batch holds the shard up until it is retried
 * away or discarded. A batch is {@code BatchSize} records, or fewer once {@code MaximumBatchingWindowInSeconds} has
 * passed since its first record was read. Each GetRecords call asks for as many records as the stream returns at
 * once, not just one batch, so a small batch size does not cost a call per batch. Ends when the shard is closed
 * and read to its end, or when the mapping stops.
 */
final class ShardReader<R> {

    private static final Logger log = LoggerFactory.getLogger(ShardReader.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration PAUSE_AFTER_READ_ERROR = Duration.ofSeconds(1);

    private final StreamShards<R> stream;
    private final StreamEvent event;
    private final String shardId;
    private final StreamBatchProcessor<R> processor;
    private final Clock clock;
    private final StopSignal stop;
    private final Deque<R> buffer = new ArrayDeque<>();
    private Position startAt;
    private String iterator;
    private String lastReadSequenceNumber;
    private boolean closed;
    private Instant firstBufferedAt;

    ShardReader(
            StreamShards<R> stream,
            StreamEvent event,
            String shardId,
            Position startAt,
            StreamBatchProcessor<R> processor,
            Clock clock,
            StopSignal stop) {
        this.stream = stream;
        this.event = event;
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
    ShardReader<R> open() {
        iterator = stream.iterator(shardId, startAt, lastReadSequenceNumber);
        return this;
    }

    /** @return true when the shard was read to its end; false when the mapping stopped first */
    boolean readToEnd() {
        while (!stop.stopped()) {
            List<R> batch = nextBatch();
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

    private List<R> nextBatch() {
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
        List<R> batch = new ArrayList<>();
        while (batch.size() < event.batchSize() && !buffer.isEmpty()) {
            batch.add(buffer.poll());
        }
        // What was read ahead has waited since it was read: its window starts now.
        firstBufferedAt = clock.instant();
        return batch;
    }

    /** Reads what the shard has beyond the buffer when it holds less than a batch; @return true when records came. */
    private boolean read() {
        if (closed || buffer.size() >= event.batchSize()) {
            return false;
        }
        try {
            if (iterator == null) {
                iterator = stream.iterator(shardId, startAt, lastReadSequenceNumber);
            }
            Page<R> page = stream.read(iterator, stream.maxRecordsPerRead());
            iterator = page.nextIterator();
            closed = iterator == null;
            if (page.records().isEmpty()) {
                return false;
            }
            if (buffer.isEmpty()) {
                firstBufferedAt = clock.instant();
            }
            buffer.addAll(page.records());
            lastReadSequenceNumber = stream.sequenceNumber(page.records().getLast());
            return true;
        } catch (StreamShards.IteratorExpired expired) {
            iterator = null;
            return false;
        } catch (StreamShards.Trimmed trimmed) {
            log.warn(
                    "{}: records after {} of shard {} were trimmed from the stream before they were read",
                    name(),
                    lastReadSequenceNumber,
                    shardId);
            iterator = null;
            lastReadSequenceNumber = null;
            startAt = Position.TRIM_HORIZON;
            return false;
        } catch (SdkException failure) {
            log.warn("{} cannot read shard {} of {}: {}", name(), shardId, stream.streamArn(), failure.getMessage());
            stop.pause(PAUSE_AFTER_READ_ERROR);
            return false;
        }
    }

    private String name() {
        return event.functionLogicalId() + "." + event.name();
    }
}
