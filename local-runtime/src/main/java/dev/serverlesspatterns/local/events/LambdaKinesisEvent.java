package dev.serverlesspatterns.local.events;

import java.math.BigDecimal;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Record;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event Lambda hands a function for a batch of Kinesis records ({@code KinesisEvent}): each record's data in
 * base64 with its partition key, sequence number and arrival time (epoch seconds with milliseconds), wrapped with
 * {@code eventID} ({@code shardId:sequenceNumber}), the stream's ARN and region and the function's role.
 */
final class LambdaKinesisEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LambdaKinesisEvent() {}

    static byte[] of(List<Record> records, String shardId, String streamArn, String invokeIdentityArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        String region = streamArn.split(":")[3];
        for (Record record : records) {
            ObjectNode json = array.addObject();
            ObjectNode kinesis = json.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", record.partitionKey());
            kinesis.put("sequenceNumber", record.sequenceNumber());
            kinesis.put("data", record.data().asByteArray());
            if (record.approximateArrivalTimestamp() != null) {
                kinesis.put(
                        "approximateArrivalTimestamp",
                        BigDecimal.valueOf(record.approximateArrivalTimestamp().toEpochMilli(), 3));
            }
            json.put("eventSource", "aws:kinesis");
            json.put("eventVersion", "1.0");
            json.put("eventID", shardId + ":" + record.sequenceNumber());
            json.put("eventName", "aws:kinesis:record");
            json.put("invokeIdentityArn", invokeIdentityArn);
            json.put("awsRegion", region);
            json.put("eventSourceARN", streamArn);
        }
        return JSON.writeValueAsBytes(event);
    }
}
