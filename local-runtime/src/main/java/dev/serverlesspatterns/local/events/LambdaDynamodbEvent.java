package dev.serverlesspatterns.local.events;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event Lambda hands a function for a batch of DynamoDB stream records ({@code DynamodbEvent}): the records as
 * GetRecords returns them, plus {@code eventSourceARN}, Lambda's {@code eventVersion} and the table's region, with
 * attribute values in DynamoDB's JSON form and {@code ApproximateCreationDateTime} in epoch seconds.
 */
final class LambdaDynamodbEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EVENT_VERSION = "1.1";

    private LambdaDynamodbEvent() {}

    static byte[] of(List<Record> records, String streamArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        String region = streamArn.split(":")[3];
        for (Record record : records) {
            ObjectNode json = array.addObject();
            json.put("eventID", record.eventID());
            json.put("eventName", record.eventNameAsString());
            json.put("eventVersion", EVENT_VERSION);
            json.put("eventSource", "aws:dynamodb");
            json.put("awsRegion", region);
            streamRecord(json.putObject("dynamodb"), record.dynamodb());
            json.put("eventSourceARN", streamArn);
            if (record.userIdentity() != null) {
                json.putObject("userIdentity")
                        .put("type", record.userIdentity().type())
                        .put("principalId", record.userIdentity().principalId());
            }
        }
        return JSON.writeValueAsBytes(event);
    }

    private static void streamRecord(ObjectNode target, StreamRecord record) {
        if (record.approximateCreationDateTime() != null) {
            target.put(
                    "ApproximateCreationDateTime",
                    record.approximateCreationDateTime().getEpochSecond());
        }
        if (record.hasKeys()) {
            item(target.putObject("Keys"), record.keys());
        }
        if (record.hasNewImage()) {
            item(target.putObject("NewImage"), record.newImage());
        }
        if (record.hasOldImage()) {
            item(target.putObject("OldImage"), record.oldImage());
        }
        target.put("SequenceNumber", record.sequenceNumber());
        if (record.sizeBytes() != null) {
            target.put("SizeBytes", record.sizeBytes());
        }
        target.put("StreamViewType", record.streamViewTypeAsString());
    }

    private static void item(ObjectNode target, Map<String, AttributeValue> attributes) {
        attributes.forEach((name, value) -> attribute(target.putObject(name), value));
    }

    private static void attribute(ObjectNode target, AttributeValue value) {
        switch (value.type()) {
            case S -> target.put("S", value.s());
            case N -> target.put("N", value.n());
            case B -> target.put("B", value.b().asByteArray());
            case BOOL -> target.put("BOOL", value.bool());
            case NUL -> target.put("NULL", true);
            case SS -> value.ss().forEach(target.putArray("SS")::add);
            case NS -> value.ns().forEach(target.putArray("NS")::add);
            case BS -> value.bs().stream().map(SdkBytes::asByteArray).forEach(target.putArray("BS")::add);
            case M -> item(target.putObject("M"), value.m());
            case L -> {
                ArrayNode list = target.putArray("L");
                value.l().forEach(element -> attribute(list.addObject(), element));
            }
            default -> throw new IllegalArgumentException("Unknown DynamoDB attribute value " + value);
        }
    }
}
