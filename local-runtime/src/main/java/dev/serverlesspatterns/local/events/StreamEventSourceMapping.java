package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.events.StreamShards.Position;
import dev.serverlesspatterns.local.events.StreamShards.Shard;
import dev.serverlesspatterns.local.invoke.FailureDestination;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.template.FunctionDefinition.StreamEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * One {@code DynamoDB} or {@code Kinesis} event of a function, run the way Lambda's event source mapping reads a
 * stream: each shard is read in order by its own thread with one batch in flight, handed to the function
 * synchronously and settled by {@link StreamBatchProcessor} (partial failures, bisecting, retries, maximum record
 * age, on-failure destination) before the shard moves on. What differs between the two kinds of stream is behind
 * {@link StreamShards}.
 *
 * <p>Shards are listed at start, then again every few seconds and whenever a shard is read to its end, since a
 * closed shard's children appear then. Shards open at start begin at {@code StartingPosition}; a shard found later
 * begins at its start, once its parent has been read to its end, so a key's changes stay in order across shards.
 * Where the mapping stands in each shard is kept in memory only: a new local run starts afresh.
 */
public final class StreamEventSourceMapping<R> implements EventSource {

    private static final Logger log = LoggerFactory.getLogger(StreamEventSourceMapping.class);
    private static final Duration SHARD_LISTING_INTERVAL = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    private final StreamShards<R> stream;
    private final StreamEvent event;
    private final StreamBatchProcessor<R> processor;
    private final Clock clock;
    private final StopSignal stop = new StopSignal();
    private final Set<String> startedShards = ConcurrentHashMap.newKeySet();
    private final Set<String> finishedShards = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private StreamEventSourceMapping(
            StreamShards<R> stream,
            StreamEvent event,
            String functionArn,
            FailureDestination onFailure,
            LambdaInvoker invoker,
            Clock clock) {
        this.stream = stream;
        this.event = event;
        this.clock = clock;
        this.processor = new StreamBatchProcessor<>(stream, event, functionArn, onFailure, invoker, clock, stop);
    }

    /**
     * Starts reading a DynamoDB table's stream: the shards open now get their first iterator before this returns,
     * so with {@code LATEST} every change made afterwards reaches the function.
     *
     * @param streamArn the stream's ARN, resolved
     * @param functionArn the function's ARN, for the failure records
     * @param onFailure where discarded records are reported; null to only log them
     */
    public static StreamEventSourceMapping<?> dynamoDb(
            DynamoDbStreamsClient streams,
            StreamEvent event,
            String streamArn,
            String functionArn,
            FailureDestination onFailure,
            LambdaInvoker invoker,
            Clock clock) {
        return start(new DynamoDbStreamShards(streams, streamArn), event, functionArn, onFailure, invoker, clock);
    }

    /**
     * Starts reading a Kinesis data stream, as {@link #dynamoDb} does a table's stream.
     *
     * @param streamArn the stream's ARN, resolved
     * @param roleArn the function's execution role, the event's {@code invokeIdentityArn}
     */
    public static StreamEventSourceMapping<?> kinesis(
            KinesisClient kinesis,
            StreamEvent event,
            String streamArn,
            String roleArn,
            String functionArn,
            FailureDestination onFailure,
            LambdaInvoker invoker,
            Clock clock) {
        return start(new KinesisShards(kinesis, streamArn, roleArn), event, functionArn, onFailure, invoker, clock);
    }

    private static <R> StreamEventSourceMapping<R> start(
            StreamShards<R> stream,
            StreamEvent event,
            String functionArn,
            FailureDestination onFailure,
            LambdaInvoker invoker,
            Clock clock) {
        Position startingPosition = startingPosition(event);
        if (event.batchSize() < 1) {
            throw new IllegalStateException(name(event) + " has BatchSize " + event.batchSize());
        }
        var mapping = new StreamEventSourceMapping<>(stream, event, functionArn, onFailure, invoker, clock);
        try {
            mapping.startNewShards(startingPosition);
        } catch (RuntimeException failure) {
            mapping.close();
            throw failure;
        }
        mapping.threads.add(Thread.ofVirtual()
                .name(stream.kind() + "-shards-" + name(event))
                .start(mapping::listShardsUntilStopped));
        log.info(
                "{} reads {} from {} (batch size {}, window {} s, bisect {}, retries {}, maximum record age {},"
                        + " batch item failures {}, on failure {})",
                name(event),
                stream.streamArn(),
                startingPosition,
                event.batchSize(),
                event.maximumBatchingWindowSeconds(),
                event.bisectBatchOnFunctionError(),
                event.maximumRetryAttempts() < 0 ? "unlimited" : event.maximumRetryAttempts(),
                event.maximumRecordAgeSeconds() < 0 ? "unlimited" : event.maximumRecordAgeSeconds() + " s",
                event.reportBatchItemFailures(),
                onFailure == null ? "logged" : onFailure.arn());
        return mapping;
    }

    private static Position startingPosition(StreamEvent event) {
        return switch (event.startingPosition()) {
            case "LATEST" -> Position.LATEST;
            case "TRIM_HORIZON" -> Position.TRIM_HORIZON;
            default ->
                throw new IllegalStateException(name(event) + " has StartingPosition " + event.startingPosition()
                        + "; the local runtime starts a stream at LATEST or TRIM_HORIZON");
        };
    }

    private void listShardsUntilStopped() {
        while (stop.pause(SHARD_LISTING_INTERVAL)) {
            startNewShardsQuietly();
        }
    }

    private void startNewShardsQuietly() {
        try {
            startNewShards(Position.TRIM_HORIZON);
        } catch (SdkException failure) {
            if (!stop.stopped()) {
                log.warn("{} cannot list the shards of {}: {}", name(event), stream.streamArn(), failure.getMessage());
            }
        }
    }

    /**
     * Starts a reader for every shard not yet started whose parent is read to its end (or gone from the stream).
     *
     * @param position where an open shard begins; a shard already closed begins at its start with TRIM_HORIZON and
     *     is skipped with LATEST, as it holds nothing newer than now
     */
    private synchronized void startNewShards(Position position) {
        List<Shard> shards = stream.shards();
        Set<String> listed = shards.stream().map(Shard::shardId).collect(Collectors.toSet());
        for (Shard shard : shards) {
            String parent = shard.parentShardId();
            if (stop.stopped()
                    || startedShards.contains(shard.shardId())
                    || (parent != null && listed.contains(parent) && !finishedShards.contains(parent))) {
                continue;
            }
            startedShards.add(shard.shardId());
            if (shard.closed() && position == Position.LATEST) {
                finishedShards.add(shard.shardId());
                continue;
            }
            ShardReader<R> reader =
                    new ShardReader<>(stream, event, shard.shardId(), position, processor, clock, stop).open();
            threads.add(Thread.ofVirtual()
                    .name(stream.kind() + "-shard-" + name(event) + "-" + shard.shardId())
                    .start(() -> read(reader)));
        }
    }

    private void read(ShardReader<R> reader) {
        if (reader.readToEnd()) {
            finishedShards.add(reader.shardId());
            startNewShardsQuietly();
        }
    }

    private static String name(StreamEvent event) {
        return event.functionLogicalId() + "." + event.name();
    }

    /** Stops reading; a batch in flight finishes its invocation, then nothing more is read or retried. */
    @Override
    public void close() {
        stop.stop();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Thread thread : threads) {
            try {
                if (!thread.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    log.warn("{} did not stop within {}", thread.getName(), STOP_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return name(event) + " on " + stream.streamArn();
    }
}
