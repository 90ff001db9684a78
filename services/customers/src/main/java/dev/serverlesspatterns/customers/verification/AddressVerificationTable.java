package dev.serverlesspatterns.customers.verification;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import dev.serverlesspatterns.customers.CustomersProperties;
import dev.serverlesspatterns.platform.Settings;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.platform.dynamodb.RecordSchema;
import dev.serverlesspatterns.platform.priming.RefusedWrites;
import java.time.Instant;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The address verifications table, keyed by {@code addressId} and {@code sequenceNumber} (one item per verified
 * version of an address): {@code customerId} S, {@code country} S, {@code postcode} S, {@code verdict} S
 * (VERIFIED|POSTCODE_MISMATCH|UNSUPPORTED_COUNTRY) and {@code verifiedAt} S (ISO-8601 UTC).
 */
@Component
class AddressVerificationTable {

    private static final TableSchema<AddressVerification> SCHEMA = RecordSchema.of(
                    AddressVerification.class,
                    item -> new AddressVerification(
                            item.get("addressId"),
                            item.get("sequenceNumber"),
                            item.get("customerId"),
                            item.get("country"),
                            item.get("postcode"),
                            Verdict.valueOf(item.<String>get("verdict")),
                            item.get("verifiedAt")))
            .attribute(String.class, "addressId", AddressVerification::addressId, primaryPartitionKey())
            .attribute(String.class, "sequenceNumber", AddressVerification::sequenceNumber, primarySortKey())
            .attribute(String.class, "customerId", AddressVerification::customerId)
            .attribute(String.class, "country", AddressVerification::country)
            .attribute(String.class, "postcode", AddressVerification::postcode)
            .attribute(
                    String.class,
                    "verdict",
                    verification -> verification.verdict().name())
            .attribute(Instant.class, "verifiedAt", AddressVerification::verifiedAt)
            .build();

    private final DynamoDbTable<AddressVerification> table;
    private final ConditionalWrites writes;

    AddressVerificationTable(DynamoDbEnhancedClient dynamo, ConditionalWrites writes, CustomersProperties properties) {
        this.table = dynamo.table(
                Settings.required(
                        properties.verificationsTableName(),
                        "customers.verifications-table-name",
                        "ADDRESS_VERIFICATIONS_TABLE"),
                SCHEMA);
        this.writes = writes;
    }

    /**
     * Records the verification unless this version of the address has one: one conditional {@code PutItem}.
     *
     * @return false when it was recorded before (a redelivered record; the write then changed nothing)
     */
    boolean recordOnce(AddressVerification verification) {
        return writes.putIfAbsent(table, verification);
    }

    /** The {@code PutItem} of {@link #recordOnce} for SnapStart priming, refused by a condition that cannot hold. */
    void recordRefused(AddressVerification verification) {
        RefusedWrites.putItem(table, verification);
    }
}
