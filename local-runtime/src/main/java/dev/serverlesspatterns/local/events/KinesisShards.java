package dev.serverlesspatterns.local.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A Kinesis data stream, read with the Kinesis API; its records reach the function as a KinesisEvent. The stream
 * is addressed by name, taken from its ARN, which every emulator understands.
 *
 * @param invokeIdentityArn the function's execution role, as Lambda puts it in the event
 */
record KinesisShards(KinesisClient kinesis, String streamArn, String invokeIdentityArn)
        implements StreamShards<Record> {

    /** GetRecords of Kinesis returns at most 10,000 records. */
    private static final int MAX_RECORDS_PER_READ = 10_000;

    private String streamName() {
        return streamArn.substring(streamArn.indexOf(":stream/") + ":stream/".length());
    }

    @Override
    public String kind() {
        return "kinesis";
    }

    @Override
    public List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String nextToken = null;
        do {
            String token = nextToken;
            ListShardsResponse response = kinesis.listShards(request -> {
                if (token == null) {
                    request.streamName(streamName());
                } else {
                    request.nextToken(token);
                }
            });
            response.shards()
                    .forEach(shard -> shards.add(new Shard(
                            shard.shardId(),
                            shard.parentShardId(),
                            shard.sequenceNumberRange() != null
                                    && shard.sequenceNumberRange().endingSequenceNumber() != null)));
            nextToken = response.nextToken();
        } while (nextToken != null);
        return shards;
    }

    @Override
    public String iterator(String shardId, Position position, String afterSequenceNumber) {
        return kinesis.getShardIterator(request -> {
                    request.streamName(streamName()).shardId(shardId);
                    if (afterSequenceNumber == null) {
                        request.shardIteratorType(ShardIteratorType.fromValue(position.name()));
                    } else {
                        request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                .startingSequenceNumber(afterSequenceNumber);
                    }
                })
                .shardIterator();
    }

    @Override
    public Page<Record> read(String iterator, int limit) {
        try {
            GetRecordsResponse response = kinesis.getRecords(
                    request -> request.shardIterator(iterator).limit(Math.min(limit, MAX_RECORDS_PER_READ)));
            return new Page<>(response.records(), response.nextShardIterator());
        } catch (ExpiredIteratorException expired) {
            throw new IteratorExpired(expired);
        }
    }

    @Override
    public int maxRecordsPerRead() {
        return MAX_RECORDS_PER_READ;
    }

    @Override
    public String sequenceNumber(Record record) {
        return record.sequenceNumber();
    }

    @Override
    public Instant arrival(Record record) {
        return record.approximateArrivalTimestamp();
    }

    @Override
    public byte[] event(String shardId, List<Record> records) {
        return LambdaKinesisEvent.of(records, shardId, streamArn, invokeIdentityArn);
    }

    @Override
    public String batchInfoField() {
        return "KinesisBatchInfo";
    }
}
