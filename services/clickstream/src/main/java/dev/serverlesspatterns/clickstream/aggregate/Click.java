package dev.serverlesspatterns.clickstream.aggregate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One click as {@code POST /clicks} puts it on the stream: the request body the gateway validated.
 *
 * @param clickId the client's id of the click, what makes counting it idempotent
 */
record Click(String clickId, String productId) {

    /** @throws UnreadableClick when the record is not a click: no retry can fix that */
    static Click of(JsonMapper json, String sequenceNumber, ByteBuffer data) {
        JsonNode click;
        try {
            click = json.readTree(
                    StandardCharsets.UTF_8.decode(data.duplicate()).toString());
        } catch (JacksonException notJson) {
            throw new UnreadableClick(sequenceNumber, "is not JSON");
        }
        String clickId = click.path("clickId").asString("");
        String productId = click.path("productId").asString("");
        if (clickId.isBlank() || productId.isBlank()) {
            throw new UnreadableClick(sequenceNumber, "has no clickId or productId");
        }
        return new Click(clickId, productId);
    }

    /** A record that is not a click; thrown so Lambda bisects the batch down to it and sends it to on-failure. */
    static final class UnreadableClick extends RuntimeException {
        UnreadableClick(String sequenceNumber, String reason) {
            super("Stream record " + sequenceNumber + " " + reason);
        }
    }
}
