package dev.serverlesspatterns.customers.profile;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.serverlesspatterns.customers.CustomersProperties;
import dev.serverlesspatterns.events.customers.CustomerProfile.DeliveryAddress;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * The delivery addresses table, read side: the shop API's POST /delivery-addresses writes it (no function), keyed by
 * {@code customerId} and {@code addressId}; see {@code verification/DeliveryAddress} for its attributes.
 */
@Component
class DeliveryAddressesTable {

    /** A record of the attributes a profile shows, keyed by customer; the ones it does not show are not read. */
    record StoredAddress(
            String customerId,
            String addressId,
            String recipient,
            String line1,
            String city,
            String postcode,
            String country) {

        DeliveryAddress toProfileAddress() {
            return new DeliveryAddress(addressId, recipient, line1, city, postcode, country);
        }
    }

    private static final TableSchema<StoredAddress> SCHEMA = RecordSchema.of(
                    StoredAddress.class,
                    item -> new StoredAddress(
                            item.get("customerId"),
                            item.get("addressId"),
                            item.get("recipient"),
                            item.get("line1"),
                            item.get("city"),
                            item.get("postcode"),
                            item.get("country")))
            .attribute(String.class, "customerId", StoredAddress::customerId, primaryPartitionKey())
            .attribute(String.class, "addressId", StoredAddress::addressId, primarySortKey())
            .attribute(String.class, "recipient", StoredAddress::recipient)
            .attribute(String.class, "line1", StoredAddress::line1)
            .attribute(String.class, "city", StoredAddress::city)
            .attribute(String.class, "postcode", StoredAddress::postcode)
            .attribute(String.class, "country", StoredAddress::country)
            .build();

    private final DynamoDbTable<StoredAddress> table;

    DeliveryAddressesTable(DynamoDbEnhancedClient dynamo, CustomersProperties properties) {
        this.table = dynamo.table(
                Settings.required(
                        properties.deliveryAddressesTableName(),
                        "customers.delivery-addresses-table-name",
                        "DELIVERY_ADDRESSES_TABLE"),
                SCHEMA);
    }

    /** Every address of the customer, by address id: one Query of the customer's partition. */
    List<DeliveryAddress> addressesOf(String customerId) {
        return table
                .query(QueryConditional.keyEqualTo(
                        Key.builder().partitionValue(customerId).build()))
                .items()
                .stream()
                .map(StoredAddress::toProfileAddress)
                .toList();
    }
}
