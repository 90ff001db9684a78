package dev.serverlesspatterns.local.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A DynamoDB table's stream, read with the DynamoDB Streams API; its records reach the function as a DynamodbEvent. */
record DynamoDbStreamShards(DynamoDbStreamsClient streams, String streamArn) implements StreamShards<Record> {

    /** GetRecords of DynamoDB Streams returns at most 1000 records. */
    private static final int MAX_RECORDS_PER_READ = 1000;

    @Override
    public String kind() {
        return "ddb";
    }

    @Override
    public List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String lastEvaluated = null;
        do {
            String exclusiveStart = lastEvaluated;
            StreamDescription description = streams.describeStream(
                            request -> request.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            description
                    .shards()
                    .forEach(shard -> shards.add(new Shard(
                            shard.shardId(),
                            shard.parentShardId(),
                            shard.sequenceNumberRange() != null
                                    && shard.sequenceNumberRange().endingSequenceNumber() != null)));
            lastEvaluated = description.lastEvaluatedShardId();
        } while (lastEvaluated != null);
        return shards;
    }

    @Override
    public String iterator(String shardId, Position position, String afterSequenceNumber) {
        return streams.getShardIterator(request -> {
                    request.streamArn(streamArn).shardId(shardId);
                    if (afterSequenceNumber == null) {
                        request.shardIteratorType(ShardIteratorType.fromValue(position.name()));
                    } else {
                        request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                .sequenceNumber(afterSequenceNumber);
                    }
                })
                .shardIterator();
    }

    @Override
    public Page<Record> read(String iterator, int limit) {
        try {
            GetRecordsResponse response = streams.getRecords(
                    request -> request.shardIterator(iterator).limit(Math.min(limit, MAX_RECORDS_PER_READ)));
            return new Page<>(response.records(), response.nextShardIterator());
        } catch (ExpiredIteratorException expired) {
            throw new IteratorExpired(expired);
        } catch (TrimmedDataAccessException trimmed) {
            throw new Trimmed(trimmed);
        }
    }

    @Override
    public int maxRecordsPerRead() {
        return MAX_RECORDS_PER_READ;
    }

    @Override
    public String sequenceNumber(Record record) {
        return record.dynamodb().sequenceNumber();
    }

    @Override
    public Instant arrival(Record record) {
        return record.dynamodb().approximateCreationDateTime();
    }

    @Override
    public byte[] event(String shardId, List<Record> records) {
        return LambdaDynamodbEvent.of(records, streamArn);
    }

    @Override
    public String batchInfoField() {
        return "DDBStreamBatchInfo";
    }
}
