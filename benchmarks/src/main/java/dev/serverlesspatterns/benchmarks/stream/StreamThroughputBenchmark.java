package dev.serverlesspatterns.benchmarks.stream;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.emulator.AwsEmulators;
import dev.serverlesspatterns.local.events.StreamEventSourceMapping;
import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.template.FunctionDefinition.StreamEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kinesis -> aggregate throughput of the local runtime's Kinesis event source mapping, against a raw SDK
 * {@code GetRecords} loop on the same emulator and stream, both doing the same aggregation (count clicks per product
 * in memory). The mapping's side includes what the function's side of Lambda costs locally: building the
 * KinesisEvent JSON, and the "function" reading it back (base64 data, the click's JSON). Not included: the real
 * function's JVM hop and its DynamoDB transaction (that is the function's cost, not the mapping's). Writes
 * {@code benchmarks/reports/stream-throughput-<date>.md}; usage: {@code benchmarks/stream-throughput [records]
 * [rounds]}.
 */
public final class StreamThroughputBenchmark {

    private static final Logger log = LoggerFactory.getLogger(StreamThroughputBenchmark.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PUT_BATCH = 500;
    private static final int MAPPING_BATCH_SIZE = 100;
    private static final int PRODUCTS = 20;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private StreamThroughputBenchmark() {}

    record Round(String what, int records, long nanos) {
        double perSecond() {
            return records / (nanos / 1e9);
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (AwsEmulator emulator = AwsEmulators.start(System.getenv());
                KinesisClient kinesis = emulator.endpoint().kinesis()) {
            String stream = "throughput-" + UUID.randomUUID().toString().substring(0, 8);
            String streamArn = createStream(kinesis, stream);
            fill(kinesis, stream, records);
            List<Round> results = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                results.add(raw(kinesis, stream, records));
                results.add(mapping(kinesis, streamArn, records));
            }
            String report = report(emulator.endpoint().description(), records, rounds, results);
            Path file = Path.of("benchmarks/reports/stream-throughput-" + LocalDate.now() + ".md");
            Files.writeString(file, report);
            log.info("Wrote {}\n{}", file, report);
        }
    }

    private static String createStream(KinesisClient kinesis, String stream) throws InterruptedException {
        kinesis.createStream(request -> request.streamName(stream).shardCount(1));
        while (kinesis.describeStreamSummary(request -> request.streamName(stream))
                        .streamDescriptionSummary()
                        .streamStatus()
                != StreamStatus.ACTIVE) {
            Thread.sleep(100);
        }
        return kinesis.describeStreamSummary(request -> request.streamName(stream))
                .streamDescriptionSummary()
                .streamARN();
    }

    private static void fill(KinesisClient kinesis, String stream, int records) {
        for (int start = 0; start < records; start += PUT_BATCH) {
            List<PutRecordsRequestEntry> entries = IntStream.range(start, Math.min(start + PUT_BATCH, records))
                    .mapToObj(i -> PutRecordsRequestEntry.builder()
                            .partitionKey("session-" + (i % 50))
                            .data(SdkBytes.fromUtf8String(click(i)))
                            .build())
                    .toList();
            kinesis.putRecords(request -> request.streamName(stream).records(entries));
        }
    }

    private static String click(int i) {
        return "{\"clickId\":\"click-" + i + "\",\"sessionId\":\"session-" + (i % 50) + "\",\"productId\":\"product-"
                + (i % PRODUCTS) + "\",\"at\":\"2026-12-07T10:00:00Z\"}";
    }

    /** The floor: one thread, GetRecords of up to 10,000 from the trim horizon, each record counted. */
    private static Round raw(KinesisClient kinesis, String stream, int records) {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        String shardId = kinesis.listShards(request -> request.streamName(stream))
                .shards()
                .getFirst()
                .shardId();
        String iterator = kinesis.getShardIterator(request ->
                        request.streamName(stream).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        int read = 0;
        while (read < records) {
            String current = iterator;
            GetRecordsResponse response =
                    kinesis.getRecords(request -> request.shardIterator(current).limit(10_000));
            for (Record record : response.records()) {
                count(counts, record.data().asUtf8String());
            }
            read += response.records().size();
            iterator = response.nextShardIterator();
        }
        return new Round("raw GetRecords loop", read, System.nanoTime() - started);
    }

    /** The local runtime's mapping from the trim horizon, batch size 100, handing each batch to an in-memory count. */
    private static Round mapping(KinesisClient kinesis, String streamArn, int records) throws InterruptedException {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        AtomicLong counted = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        LambdaInvoker aggregate = (function, event) -> {
            for (JsonNode record : JSON.readTree(event).path("Records")) {
                byte[] data =
                        Base64.getDecoder().decode(record.at("/kinesis/data").asString());
                count(counts, new String(data, StandardCharsets.UTF_8));
            }
            counted.addAndGet(JSON.readTree(event).path("Records").size());
            lastAt.set(System.nanoTime());
            return new InvocationResult("{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8), null);
        };
        StreamEvent event = new StreamEvent(
                "AggregateClicksFunction",
                "Clicks",
                Map.of(),
                "TRIM_HORIZON",
                MAPPING_BATCH_SIZE,
                0,
                true,
                3,
                -1,
                true,
                null,
                true);
        long started = System.nanoTime();
        long deadline = started + TIMEOUT.toNanos();
        try (var running = StreamEventSourceMapping.kinesis(
                kinesis,
                event,
                streamArn,
                "arn:aws:iam::000000000000:role/AggregateClicksFunctionRole",
                "arn:aws:lambda:us-east-1:000000000000:function:benchmark-AggregateClicksFunction",
                null,
                aggregate,
                Clock.systemUTC())) {
            while (counted.get() < records && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        if (counted.get() != records) {
            throw new IllegalStateException("The mapping delivered " + counted.get() + " of " + records + " records");
        }
        return new Round(
                "event source mapping (batch " + MAPPING_BATCH_SIZE + ")", (int) counted.get(), lastAt.get() - started);
    }

    private static void count(Map<String, Long> counts, String click) {
        counts.merge(JSON.readTree(click).path("productId").asString(), 1L, Long::sum);
    }

    private static String report(String emulator, int records, int rounds, List<Round> results) {
        StringBuilder markdown = new StringBuilder();
        markdown.append("| Round | Reader | Records | Seconds | Records/s |\n|---|---|---|---|---|\n");
        for (int i = 0; i < results.size(); i++) {
            Round round = results.get(i);
            markdown.append("| %d | %s | %d | %.2f | %.0f |\n"
                    .formatted(i / 2 + 1, round.what(), round.records(), round.nanos() / 1e9, round.perSecond()));
        }
        double raw = median(results.stream()
                .filter(round -> round.what().startsWith("raw"))
                .map(Round::perSecond)
                .toList());
        double mapping = median(results.stream()
                .filter(round -> !round.what().startsWith("raw"))
                .map(Round::perSecond)
                .toList());
        String summary = ("\nMedian: raw %.0f records/s, mapping %.0f records/s: the mapping reaches %.0f%% of raw"
                        + " (goal: 80%%). %d records, %d rounds, emulator %s.\n")
                .formatted(raw, mapping, 100 * mapping / raw, records, rounds, emulator);
        markdown.append(summary);
        return markdown.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
