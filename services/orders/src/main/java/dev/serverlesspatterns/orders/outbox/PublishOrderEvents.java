package dev.serverlesspatterns.orders.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import dev.serverlesspatterns.orders.outbox.OrderStreamRecords.OrderEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The orders table's stream -> the orders event bus. Records are announced in stream order.
 *
 * <p>When the bus refuses an event (a transient failure) the function reports that record's sequence number, so
 * Lambda retries from there: records before it are not announced twice, and nothing after it is announced out of
 * order. A record that no retry can fix (its images lack what the event needs) is different: reported as a batch
 * item failure, it would take every later record of its batch to the on-failure queue once retries are spent. So
 * the function fails instead, before announcing anything of the batch; Lambda then bisects the batch until the
 * record is alone, retries it {@code MaximumRetryAttempts} times, hands exactly it to the on-failure queue and the
 * shard moves on, its neighbours announced.
 */
@Component("publishOrderEvents")
class PublishOrderEvents implements Function<DynamodbEvent, StreamsEventResponse> {

    private static final Logger log = LoggerFactory.getLogger(PublishOrderEvents.class);

    private final OrderEventsBus bus;

    PublishOrderEvents(OrderEventsBus bus) {
        this.bus = bus;
    }

    @Override
    public StreamsEventResponse apply(DynamodbEvent event) {
        List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<DynamodbStreamRecord> announcing = new ArrayList<>();
        List<OrderEvent> events = new ArrayList<>();
        for (DynamodbStreamRecord record : records) {
            Optional<OrderEvent> announced = OrderStreamRecords.eventOf(record);
            if (announced.isPresent()) {
                announcing.add(record);
                events.add(announced.get());
            }
        }
        return put(announcing, events);
    }

    /** Puts the events in order; reports the first record whose event the bus did not take. */
    private StreamsEventResponse put(List<DynamodbStreamRecord> announcing, List<OrderEvent> events) {
        for (int start = 0; start < events.size(); start += OrderEventsBus.MAX_ENTRIES_PER_PUT) {
            int end = Math.min(start + OrderEventsBus.MAX_ENTRIES_PER_PUT, events.size());
            int firstRefused;
            try {
                firstRefused = bus.put(events.subList(start, end));
            } catch (SdkException failure) {
                log.warn(
                        "The orders bus refused a put; the stream retries from record {}",
                        sequenceNumber(announcing.get(start)),
                        failure);
                firstRefused = 0;
            }
            if (firstRefused >= 0) {
                return failedFrom(announcing.get(start + firstRefused));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    private static StreamsEventResponse failedFrom(DynamodbStreamRecord record) {
        return new StreamsEventResponse(List.of(new BatchItemFailure(sequenceNumber(record))));
    }

    private static String sequenceNumber(DynamodbStreamRecord record) {
        return record.getDynamodb().getSequenceNumber();
    }
}
