package dev.serverlesspatterns.customers.verification;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the delivery address a stream record carries. */
final class DeliveryAddressRecords {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private DeliveryAddressRecords() {}

    /**
     * The address a new or changed item holds; empty for a removed one, which there is nothing to verify of.
     *
     * @throws UnreadableAddress when the new image lacks a field the verification needs, or names no ISO 3166
     *     country: no retry can change that
     */
    static Optional<DeliveryAddress> addressOf(DynamodbStreamRecord record) {
        if ("REMOVE".equals(record.getEventName())) {
            return Optional.empty();
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        if (image == null) {
            throw new UnreadableAddress(record, "has no new image (the stream must carry NEW_IMAGE)");
        }
        String country = text(record, image, "country");
        if (!ISO_COUNTRIES.contains(country)) {
            throw new UnreadableAddress(record, "names the country " + country + ", which is no ISO 3166-1 code");
        }
        return Optional.of(new DeliveryAddress(
                text(record, image, "customerId"),
                text(record, image, "addressId"),
                text(record, image, "line1"),
                text(record, image, "city"),
                text(record, image, "postcode"),
                country));
    }

    private static String text(DynamodbStreamRecord record, Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.getS() == null || value.getS().isBlank()) {
            throw new UnreadableAddress(record, "has no text " + name);
        }
        return value.getS();
    }

    /** A record whose address cannot be verified however often it is retried. */
    static final class UnreadableAddress extends RuntimeException {

        UnreadableAddress(DynamodbStreamRecord record, String problem) {
            super("Stream record " + record.getDynamodb().getSequenceNumber() + " " + problem);
        }
    }
}
