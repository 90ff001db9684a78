package dev.serverlesspatterns.local.events;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code S3Event} Lambda hands a function for one object event, in S3's notification shape (event version 2.1).
 * The emulator's own notification only says which object changed: it encodes the key's slashes, writes a local time
 * without zone and leaves out the identity, request and sequencer fields, so the event is written here in full.
 */
final class LambdaS3Event {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What S3 notifies about one object. */
    record ObjectEvent(
            String region,
            String eventName,
            String configurationId,
            String bucket,
            String key,
            long size,
            String eTag,
            Instant eventTime,
            String sequencer) {}

    private LambdaS3Event() {}

    /**
     * The object event behind the emulator's notification, or null for S3's {@code s3:TestEvent}, which S3 sends to
     * a queue when its notification is configured and never to a function.
     */
    static ObjectEvent fromEmulatorNotification(String notification, Instant receivedAt, String sequencer) {
        JsonNode body = JSON.readTree(notification);
        if (!body.has("Records")) {
            return null;
        }
        JsonNode record = body.path("Records").path(0);
        JsonNode s3 = record.path("s3");
        return new ObjectEvent(
                record.path("awsRegion").asString(),
                record.path("eventName").asString(),
                s3.path("configurationId").asString(),
                s3.path("bucket").path("name").asString(),
                URLDecoder.decode(s3.path("object").path("key").asString(), StandardCharsets.UTF_8),
                s3.path("object").path("size").asLong(),
                s3.path("object").path("eTag").asString(),
                receivedAt,
                sequencer);
    }

    /** Lambda's event for the object, as S3 writes it; the account stands for the requester and the owner. */
    static byte[] of(ObjectEvent object, String accountId) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", object.region());
        record.put("eventTime", EVENT_TIME.format(object.eventTime()));
        record.put("eventName", object.eventName());
        record.putObject("userIdentity").put("principalId", "AWS:" + accountId);
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        String requestId =
                UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        record.putObject("responseElements")
                .put("x-amz-request-id", requestId)
                .put("x-amz-id-2", UUID.randomUUID().toString());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", object.configurationId());
        s3.putObject("bucket")
                .put("name", object.bucket())
                .put("arn", "arn:aws:s3:::" + object.bucket())
                .putObject("ownerIdentity")
                .put("principalId", accountId);
        s3.putObject("object")
                .put("key", encodedKey(object.key()))
                .put("size", object.size())
                .put("eTag", object.eTag())
                .put("sequencer", object.sequencer());
        return JSON.writeValueAsBytes(event);
    }

    /** As S3 writes keys in events: form-encoded (a space is {@code +}), slashes kept. */
    static String encodedKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
