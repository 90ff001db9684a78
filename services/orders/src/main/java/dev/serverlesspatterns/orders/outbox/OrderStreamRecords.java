package dev.serverlesspatterns.orders.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.serverlesspatterns.events.orders.OrderCancelled;
import dev.serverlesspatterns.events.orders.OrderEvents;
import dev.serverlesspatterns.events.orders.OrderPlaced;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Which order event a stream record announces, read from the item images whose attributes the orders table
 * documents: a new item is a placed order; an item whose status turned to CANCELLED is a cancelled order; every
 * other change (a quantity change, a removal) announces nothing.
 */
final class OrderStreamRecords {

    private static final String CANCELLED = "CANCELLED";

    private OrderStreamRecords() {}

    /**
     * @throws UnannounceableRecord when an image lacks an attribute the event needs: a record no retry can fix
     */
    static Optional<OrderEvent> eventOf(DynamodbStreamRecord record) {
        try {
            return read(record);
        } catch (IllegalArgumentException | DateTimeException unreadable) {
            throw new UnannounceableRecord(record.getDynamodb().getSequenceNumber(), unreadable);
        }
    }

    private static Optional<OrderEvent> read(DynamodbStreamRecord record) {
        Map<String, AttributeValue> newImage = record.getDynamodb().getNewImage();
        Map<String, AttributeValue> oldImage = record.getDynamodb().getOldImage();
        return switch (record.getEventName()) {
            case "INSERT" ->
                Optional.of(new OrderEvent(
                        OrderEvents.ORDER_PLACED,
                        new OrderPlaced(
                                text(newImage, "orderId"),
                                text(newImage, "customerId"),
                                Long.parseLong(number(newImage, "totalCents")),
                                text(newImage, "currency"),
                                Instant.parse(text(newImage, "createdAt")))));
            case "MODIFY" ->
                CANCELLED.equals(text(newImage, "status")) && !CANCELLED.equals(text(oldImage, "status"))
                        ? Optional.of(new OrderEvent(
                                OrderEvents.ORDER_CANCELLED,
                                new OrderCancelled(
                                        text(newImage, "orderId"),
                                        text(newImage, "customerId"),
                                        Instant.parse(text(newImage, "updatedAt")))))
                        : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image == null ? null : image.get(name);
        if (value == null || value.getS() == null) {
            throw new IllegalArgumentException("the stream image has no text attribute " + name);
        }
        return value.getS();
    }

    private static String number(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image == null ? null : image.get(name);
        if (value == null || value.getN() == null) {
            throw new IllegalArgumentException("the stream image has no number attribute " + name);
        }
        return value.getN();
    }

    /** An event for the orders bus: its detail type and its detail. */
    record OrderEvent(String detailType, Record detail) {}
}
