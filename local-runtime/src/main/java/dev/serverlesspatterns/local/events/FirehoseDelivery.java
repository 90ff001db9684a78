package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.events.StreamShards.Page;
import dev.serverlesspatterns.local.events.StreamShards.Position;
import dev.serverlesspatterns.local.events.StreamShards.Shard;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A Firehose delivery stream with a Kinesis data stream as its source and S3 as its destination, run by the local
 * runtime because the emulator cannot: moto's Firehose never reads a Kinesis source and writes one object per
 * record, ignoring the buffering hints. This reads every shard of the stream from when the run starts and gathers
 * the records until {@code IntervalInSeconds} has passed since the first of them or they reach {@code SizeInMBs},
 * then writes them as one object under {@code Prefix + yyyy/MM/dd/HH/} (UTC), named like Firehose's objects. The
 * records are written as they are, one after another, as Firehose does; an {@code AppendDelimiterToRecord}
 * processor adds a new line after each. An object that cannot be written is tried again with the next one; what is
 * buffered when the run stops is written then.
 */
public final class FirehoseDelivery implements EventSource {

    private static final Logger log = LoggerFactory.getLogger(FirehoseDelivery.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration SHARD_LISTING_INTERVAL = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter HOUR_PREFIX =
            DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OBJECT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

    /** What the delivery stream's template resource says, resolved. */
    public record Settings(
            String name,
            String streamArn,
            String bucket,
            String prefix,
            Duration interval,
            long sizeBytes,
            boolean appendDelimiter) {}

    private final StreamShards<Record> stream;
    private final S3Client s3;
    private final Settings settings;
    private final Clock clock;
    private final StopSignal stop = new StopSignal();
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private int bufferedRecords;
    private Instant firstBufferedAt;
    private Instant lastListedAt;
    private Thread thread;

    private FirehoseDelivery(StreamShards<Record> stream, S3Client s3, Settings settings, Clock clock) {
        this.stream = stream;
        this.s3 = s3;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts delivering: every record put on the stream after this returns reaches the bucket. */
    public static FirehoseDelivery start(KinesisClient kinesis, S3Client s3, Settings settings, Clock clock) {
        if (settings.prefix().contains("!{")) {
            throw new IllegalStateException(settings.name() + " has the Prefix " + settings.prefix()
                    + "; the local runtime does not evaluate Firehose's !{...} expressions");
        }
        var delivery =
                new FirehoseDelivery(new KinesisShards(kinesis, settings.streamArn(), null), s3, settings, clock);
        delivery.listShards(Position.LATEST);
        delivery.thread = Thread.ofVirtual().name("firehose-" + settings.name()).start(delivery::deliverUntilStopped);
        log.info(
                "{} delivers {} to s3://{}/{} every {} s or {} bytes (run locally: the emulator's Firehose does not"
                        + " read a Kinesis source)",
                settings.name(),
                settings.streamArn(),
                settings.bucket(),
                settings.prefix(),
                settings.interval().toSeconds(),
                settings.sizeBytes());
        return delivery;
    }

    private void listShards(Position position) {
        for (Shard shard : stream.shards()) {
            iterators.computeIfAbsent(shard.shardId(), id -> stream.iterator(id, position, null));
        }
        lastListedAt = clock.instant();
    }

    private void deliverUntilStopped() {
        while (!stop.stopped()) {
            boolean read = false;
            try {
                if (Duration.between(lastListedAt, clock.instant()).compareTo(SHARD_LISTING_INTERVAL) >= 0) {
                    listShards(Position.TRIM_HORIZON);
                }
                read = readEveryShard();
            } catch (SdkException failure) {
                log.warn("{} cannot read {}: {}", settings.name(), settings.streamArn(), failure.getMessage());
            }
            if (bufferedRecords > 0
                    && Duration.between(firstBufferedAt, clock.instant()).compareTo(settings.interval()) >= 0) {
                flush();
            }
            if (!read) {
                stop.pause(POLL_INTERVAL);
            }
        }
        flush();
    }

    /** @return true when any shard had records */
    private boolean readEveryShard() {
        boolean read = false;
        for (Map.Entry<String, String> shard : new ArrayList<>(iterators.entrySet())) {
            if (shard.getValue() == null) {
                continue;
            }
            Page<Record> page;
            try {
                page = stream.read(shard.getValue(), stream.maxRecordsPerRead());
            } catch (StreamShards.IteratorExpired expired) {
                // Records are buffered as they are read, so the expired iterator's position is lost; start from now.
                iterators.put(shard.getKey(), stream.iterator(shard.getKey(), Position.LATEST, null));
                continue;
            }
            iterators.put(shard.getKey(), page.nextIterator());
            for (Record record : page.records()) {
                add(record.data().asByteArray());
                read = true;
            }
        }
        return read;
    }

    private void add(byte[] data) {
        if (bufferedRecords == 0) {
            firstBufferedAt = clock.instant();
        }
        buffer.writeBytes(data);
        if (settings.appendDelimiter()) {
            buffer.write('\n');
        }
        bufferedRecords++;
        if (buffer.size() >= settings.sizeBytes()) {
            flush();
        }
    }

    private void flush() {
        if (bufferedRecords == 0) {
            return;
        }
        Instant now = clock.instant();
        String key = settings.prefix() + HOUR_PREFIX.format(firstBufferedAt) + settings.name() + "-1-"
                + OBJECT_TIME.format(now) + "-" + UUID.randomUUID();
        try {
            s3.putObject(
                    request -> request.bucket(settings.bucket()).key(key), RequestBody.fromBytes(buffer.toByteArray()));
            log.debug("{} wrote {} records to s3://{}/{}", settings.name(), bufferedRecords, settings.bucket(), key);
            buffer.reset();
            bufferedRecords = 0;
        } catch (SdkException failure) {
            log.warn(
                    "{} cannot write {} records to s3://{}; trying again with the next object: {}",
                    settings.name(),
                    bufferedRecords,
                    settings.bucket(),
                    failure.getMessage());
        }
    }

    /** Stops reading and writes what is buffered. */
    @Override
    public void close() {
        stop.stop();
        if (thread == null) {
            return;
        }
        try {
            if (!thread.join(STOP_TIMEOUT)) {
                log.warn("{} did not stop within {}", thread.getName(), STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return settings.name() + " from " + settings.streamArn();
    }
}
