package dev.serverlesspatterns.customers.verification;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The delivery addresses table's stream -> one verification per new or changed address, in stream order.
 *
 * <p>When the verifications table refuses a write (a transient failure) the function reports that record's
 * sequence number, so Lambda retries from there and the records before it are not verified twice (they would not
 * be written twice either: each write is conditional on the address version's key). A record that no retry can fix
 * (an address the verifier cannot read) is different: reported as a batch item failure, it would take every later
 * record of its batch to the on-failure queue once retries are spent. So the function fails instead, before writing
 * anything of the batch; Lambda then bisects the batch until the record is alone, retries it
 * {@code MaximumRetryAttempts} times, hands exactly it to the on-failure queue and the shard moves on.
 */
@Component("verifyDeliveryAddresses")
class VerifyDeliveryAddresses implements Function<DynamodbEvent, StreamsEventResponse> {

    private static final Logger log = LoggerFactory.getLogger(VerifyDeliveryAddresses.class);

    private final AddressVerificationTable verifications;
    private final Clock clock;

    VerifyDeliveryAddresses(AddressVerificationTable verifications, Clock clock) {
        this.verifications = verifications;
        this.clock = clock;
    }

    @Override
    public StreamsEventResponse apply(DynamodbEvent event) {
        List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        // Every record is read before anything is written: an unreadable one fails the batch untouched.
        List<Verifying> verifying = new ArrayList<>();
        for (DynamodbStreamRecord record : records) {
            DeliveryAddressRecords.addressOf(record)
                    .ifPresent(address -> verifying.add(
                            new Verifying(address, record.getDynamodb().getSequenceNumber())));
        }
        for (Verifying next : verifying) {
            String sequenceNumber = next.sequenceNumber();
            try {
                record(next.address(), sequenceNumber);
            } catch (SdkException failure) {
                log.warn(
                        "The verifications table refused a write; the stream retries from record {}",
                        sequenceNumber,
                        failure);
                return new StreamsEventResponse(List.of(new BatchItemFailure(sequenceNumber)));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    /** An address to verify, and the stream record (the version of the address) it came in. */
    private record Verifying(DeliveryAddress address, String sequenceNumber) {}

    private void record(DeliveryAddress address, String sequenceNumber) {
        Verdict verdict = PostcodeRules.verdict(address.country(), address.postcode());
        boolean recorded = verifications.recordOnce(new AddressVerification(
                address.addressId(),
                sequenceNumber,
                address.customerId(),
                address.country(),
                address.postcode(),
                verdict,
                clock.instant()));
        log.info(
                "Address {} of {} (record {}): {}{}",
                address.addressId(),
                address.customerId(),
                sequenceNumber,
                verdict,
                recorded ? "" : ", verified before");
    }
}
