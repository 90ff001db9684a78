package dev.serverlesspatterns.reporting.replication;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * An order as one stream record leaves it: the new image of an INSERT or MODIFY, or the old image of a REMOVE, which
 * becomes a tombstone ({@code deleted}). Read from the attributes the orders table documents.
 *
 * @param items the order lines as the table stores them ({@code sku}, {@code quantity}, {@code unitPriceCents})
 */
record OrderImage(
        String orderId,
        String customerId,
        String status,
        String currency,
        List<Line> items,
        long totalCents,
        Instant createdAt,
        Instant lastUpdated,
        long version,
        boolean deleted) {

    record Line(String sku, long quantity, long unitPriceCents) {}

    /** The UTC day whose sales report this order counts in. */
    LocalDate day() {
        return LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
    }

    /**
     * @throws UnreplicableRecord when the image lacks an attribute the read model needs: a record no retry can fix
     */
    static OrderImage of(DynamodbStreamRecord record) {
        try {
            boolean removed = "REMOVE".equals(record.getEventName());
            Map<String, AttributeValue> image = removed
                    ? record.getDynamodb().getOldImage()
                    : record.getDynamodb().getNewImage();
            if (image == null) {
                throw new IllegalArgumentException("the record has no " + (removed ? "old" : "new") + " image");
            }
            return new OrderImage(
                    text(image, "orderId"),
                    text(image, "customerId"),
                    text(image, "status"),
                    text(image, "currency"),
                    lines(image),
                    number(image, "totalCents"),
                    Instant.parse(text(image, "createdAt")),
                    Instant.parse(text(image, "updatedAt")),
                    number(image, "version"),
                    removed);
        } catch (IllegalArgumentException | DateTimeException unreadable) {
            throw new UnreplicableRecord(record.getDynamodb().getSequenceNumber(), unreadable);
        }
    }

    private static List<Line> lines(Map<String, AttributeValue> image) {
        AttributeValue items = image.get("items");
        if (items == null || items.getL() == null) {
            throw new IllegalArgumentException("the stream image has no list attribute items");
        }
        return items.getL().stream()
                .map(item -> {
                    Map<String, AttributeValue> line = item.getM();
                    if (line == null) {
                        throw new IllegalArgumentException("an item of the stream image is not a map");
                    }
                    return new Line(text(line, "sku"), number(line, "quantity"), number(line, "unitPriceCents"));
                })
                .toList();
    }

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.getS() == null) {
            throw new IllegalArgumentException("the stream image has no text attribute " + name);
        }
        return value.getS();
    }

    private static long number(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.getN() == null) {
            throw new IllegalArgumentException("the stream image has no number attribute " + name);
        }
        return Long.parseLong(value.getN());
    }
}
